import { simulateRfBeam } from "../../../data/src/simulate/rf-beam.ts";
import type { RfBeamOptions, RfBeamSimulation } from "../../../data/src/simulate/rf-beam-types.ts";
import {
  backgroundFalsePositiveRate,
  backgroundMaxima,
  type Confusion,
  confusionAt,
  labelCandidates,
  type PrPoint,
  precisionRecallCurve,
  thresholdForFalsePositiveRate,
} from "../evaluate/index.ts";
import {
  type CorroborationRun,
  type CorroborationRunOptions,
  runCorroboration,
} from "./corroboration-run.ts";

export interface SourceEvaluation {
  readonly candidates: number;
  readonly anomalies: number;
  /** Diagnostic alone: every candidate predicted anomalous. */
  readonly alone: Confusion;
  /** With beam confirmation at the best-F1 threshold. */
  readonly withBeam: Confusion;
  readonly threshold: number;
  readonly pr: readonly PrPoint[];
  readonly labels: Uint8Array;
}

export interface SimulatedBench {
  readonly simulation: RfBeamSimulation;
  readonly run: CorroborationRun;
  readonly ampl: SourceEvaluation;
  readonly amm: SourceEvaluation;
  /** Random background windows over the AMPL threshold (SLAC V.2), with a 1-σ Wilson interval. */
  readonly background: ReturnType<typeof backgroundFalsePositiveRate>;
  /** The label-free alternative: τ at a target background false-positive rate, and AMPL+BPM there. */
  readonly targetRate: { readonly rate: number; readonly threshold: number; readonly ampl: Confusion };
}

function evaluate(maxima: Float64Array, labels: Uint8Array): SourceEvaluation {
  const { points, best } = precisionRecallCurve(maxima, labels);
  return {
    candidates: labels.length,
    anomalies: labels.reduce((a, b) => a + b, 0),
    alone: confusionAt(new Float64Array(labels.length), labels, 0),
    withBeam: confusionAt(maxima, labels, best.threshold),
    threshold: best.threshold,
    pr: points,
    labels,
  };
}

/** The SLAC evaluation (Tables 1-3, Figure 3, Section V.2) on the RF/beam simulator. */
export function runSimulatedBench(
  simulation: Partial<RfBeamOptions> = {},
  options: Partial<CorroborationRunOptions> = {},
  progress: (stage: string) => void = () => {},
  /** Background rate for the label-free threshold (SLAC V.2 measured 2.7 %). */
  targetFalsePositiveRate = 0.027,
): SimulatedBench {
  progress("simulating RF stations and beam");
  const sim = simulateRfBeam(simulation);
  const run = runCorroboration(sim.stations, sim.beam, options, progress);
  progress("evaluating");
  const known = sim.truth.anomalies.map((a) => ({
    station: sim.stations[a.station]!.name,
    onsetNs: a.onsetNs,
  }));
  const ampl = evaluate(run.ampl.maxima, labelCandidates(run.ampl.candidates, known));
  const amm = evaluate(run.amm.maxima, labelCandidates(run.amm.candidates, known));
  const maxima = backgroundMaxima(run.beam.timestamps, run.scores, { seed: sim.options.seed });
  const threshold = thresholdForFalsePositiveRate(maxima, targetFalsePositiveRate);
  return {
    simulation: sim,
    run,
    ampl,
    amm,
    background: backgroundFalsePositiveRate(maxima, ampl.threshold),
    targetRate: {
      rate: targetFalsePositiveRate,
      threshold,
      ampl: confusionAt(run.ampl.maxima, ampl.labels, threshold),
    },
  };
}
