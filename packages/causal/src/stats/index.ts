export { chiSquareSurvival, digammaTable, upperRegularizedGamma } from "./gamma.ts";
export { randomTieRanks } from "./ranks.ts";
