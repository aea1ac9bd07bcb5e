export { DilatedCnn } from "./dilated-cnn.ts";
export {
  classifySimulated,
  type SimulatedClassifierOptions,
  type SimulatedClassifierResult,
} from "./simulated-classifier.ts";
export { splitExamples } from "./split.ts";
export { type TrainOptions, trainAndPredict } from "./train.ts";
export { normaliseByTrainingMedianMad, type PulseWindows, pulseWindows } from "./windows.ts";
