export { gaussianBic, type LocalScore } from "./gaussian-bic.ts";
export { HILL_CLIMB_DEFAULTS, type HillClimbOptions, type HillClimbResult, hillClimb } from "./hill-climb.ts";
export { pcHillClimb } from "./pc-hill-climb.ts";
