import { VigilArgumentError } from "../errors/index.ts";
import { withDefaults } from "../validate/index.ts";
import { expectLabelPair } from "./inputs.ts";
import { mapNabProfiles, type NabProfileName, type NabProfileScore, normaliseNab } from "./nab-profiles.ts";
import { NAB_OUTSIDE, NAB_PROBATION, nabRows } from "./nab-rows.ts";
import { NAB_WINDOW_DEFAULTS, type NabWindowOptions } from "./nab-windows.ts";

/** One NAB data file: labels mark anomaly rows (NAB's label timestamps), predictions mark detections. */
export interface NabFile {
  readonly labels: Uint8Array;
  readonly predictions: Uint8Array;
}

export interface NabResult {
  readonly profiles: Readonly<Record<NabProfileName, NabProfileScore>>;
  readonly windows: number;
  readonly detectedWindows: number;
  /** Detections outside every window, after the probationary period. */
  readonly falsePositives: number;
}

/**
 * The Numenta Anomaly Benchmark score of binary detections over a corpus (Lavin & Ahmad 2015; NAB's
 * sweeper.py at one threshold): windows centred on labels, a probationary period, the earliest detection in a
 * window earning A_TP · σ̃(position) / σ̃(−1), false positives costing A_FP · σ̃(distance past the preceding
 * window), missed windows −A_FN; the corpus sum is normalised so the null detector scores 0 and the perfect 100.
 */
export function nabScore(files: readonly NabFile[], options?: Partial<NabWindowOptions>): NabResult {
  const o = withDefaults("nabScore", NAB_WINDOW_DEFAULTS, options);
  if (files.length === 0)
    throw new VigilArgumentError("Expected at least one file for nabScore but received none");
  let windows = 0;
  let fpSum = 0;
  let falsePositives = 0;
  /** Earliest detection's reward per detected window, over the corpus. */
  const tpRewards: number[] = [];
  for (const f of files) {
    expectLabelPair(f.labels, f.predictions);
    const rows = nabRows(f.labels, o);
    windows += rows.windows;
    let lastWindow = -1;
    for (let i = 0; i < f.predictions.length; i++) {
      const w = rows.window[i]!;
      if (f.predictions[i] !== 1 || w === NAB_PROBATION) continue;
      if (w === NAB_OUTSIDE) {
        falsePositives++;
        fpSum += rows.reward[i]!;
      } else if (w !== lastWindow) {
        // Rows run forward in time, so the first detection in a window is the earliest; later ones are ignored.
        tpRewards.push(rows.reward[i]!);
        lastWindow = w;
      }
    }
  }
  const tpSum = tpRewards.reduce((a, b) => a + b, 0);
  const profiles = mapNabProfiles((p) =>
    normaliseNab(p.tp * tpSum + p.fp * fpSum - p.fn * (windows - tpRewards.length), windows, p),
  );
  return { profiles, windows, detectedWindows: tpRewards.length, falsePositives };
}
