import { withDefaults } from "@vigil/core";
import { simulateRfBeam } from "../../../data/src/simulate/rf-beam.ts";
import type { RfBeamOptions } from "../../../data/src/simulate/rf-beam-types.ts";
import { labelCandidates, type PrPoint, precisionRecallCurve } from "../evaluate/index.ts";
import { runCorroboration } from "../pipeline/corroboration-run.ts";
import { splitExamples } from "./split.ts";
import { type TrainOptions, trainAndPredict } from "./train.ts";
import { normaliseByTrainingMedianMad, pulseWindows } from "./windows.ts";

export interface SimulatedClassifierOptions {
  simulation: Partial<RfBeamOptions>;
  training: Partial<TrainOptions>;
  split: "random" | "time";
  testFraction: number;
  /** Pulses before each candidate's end (Appendix E: 720). */
  pulses: number;
}

const DEFAULTS: SimulatedClassifierOptions = {
  simulation: {},
  training: {},
  split: "random",
  testFraction: 0.2,
  pulses: 720,
};

export interface SimulatedClassifierResult {
  readonly examples: number;
  readonly anomalyFraction: { train: number; test: number };
  readonly positiveWeight: number;
  readonly finalLoss: number;
  readonly best: PrPoint;
  readonly pr: readonly PrPoint[];
}

/**
 * Appendix E on the simulator: the AMPL candidates (after the beam-quality filters; AMM candidates would
 * repeat the same events across the split) become 8 × 720-pulse examples labelled by the simulator's truth; the CNN is trained on one split and its
 * PR curve and best F1 measured on the other.
 */
export function classifySimulated(options?: Partial<SimulatedClassifierOptions>): SimulatedClassifierResult {
  const o = withDefaults("classifySimulated", DEFAULTS, options);
  const sim = simulateRfBeam(o.simulation);
  const run = runCorroboration(sim.stations, sim.beam);
  const candidates = run.ampl.candidates;
  const known = sim.truth.anomalies.map((a) => ({
    station: sim.stations[a.station]!.name,
    onsetNs: a.onsetNs,
  }));
  const all = labelCandidates(candidates, known);
  const windows = pulseWindows(run.beam, candidates, o.pulses);
  const labels = Uint8Array.from(windows.source, (k) => all[k]!);
  const { train, test } = splitExamples(labels.length, o.split, o.testFraction, sim.options.seed);
  normaliseByTrainingMedianMad(windows, train);
  const { probabilities, positiveWeight, finalLoss } = trainAndPredict(
    windows,
    labels,
    train,
    test,
    o.training,
  );
  const testLabels = Uint8Array.from(test, (e) => labels[e]!);
  const { points, best } = precisionRecallCurve(probabilities, testLabels);
  const fraction = (rows: number[]) => rows.filter((e) => labels[e] === 1).length / Math.max(1, rows.length);
  return {
    examples: labels.length,
    anomalyFraction: { train: fraction(train), test: fraction(test) },
    positiveWeight,
    finalLoss,
    best,
    pr: points,
  };
}
