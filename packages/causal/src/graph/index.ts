export { dagToCpdag } from "./cpdag.ts";
export { dSeparated } from "./d-separation.ts";
export { formatEdges, toDot } from "./format.ts";
export { applyMeekRules } from "./meek.ts";
export { type Edge, type EdgeKind, Pdag } from "./pdag.ts";
export { toSvg } from "./svg.ts";
