export {
  type CorroborationRun,
  type CorroborationRunOptions,
  runCorroboration,
  type ScoredCandidates,
} from "./corroboration-run.ts";
export { runSimulatedBench, type SimulatedBench, type SourceEvaluation } from "./simulated-bench.ts";
export {
  judgeSlacEvent,
  SLAC_PAPER_THRESHOLD,
  type SlacEventOptions,
  type SlacEventVerdict,
} from "./slac-events.ts";
