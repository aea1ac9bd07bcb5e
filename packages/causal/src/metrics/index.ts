export { compareGraphs, type GraphComparison } from "./compare.ts";
