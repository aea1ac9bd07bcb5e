export { chiSquareSurvival, digammaTable, logGamma, upperRegularizedGamma } from "./gamma.ts";
export { twoSidedNormalP } from "./normal.ts";
export { randomTieRanks } from "./ranks.ts";
