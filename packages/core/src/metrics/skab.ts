import { VigilArgumentError } from "../errors/index.ts";
import { NS_PER_SECOND } from "../time/index.ts";
import { withDefaults } from "../validate/index.ts";
import { addCounts, type ConfusionCounts, confusionCounts, ratioOrZero } from "./confusion.ts";
import { expectBinaryMask, expectLabelPair, expectSameLength } from "./inputs.ts";
import {
  mapNabProfiles,
  type NabProfile,
  type NabProfileName,
  type NabProfileScore,
  normaliseNab,
} from "./nab-profiles.ts";

export interface SkabOutlierResult {
  /** TP / (TP + (FP + FN) / 2) over the summed confusion matrix (SKAB prints it rounded to 2 decimals). */
  readonly f1: number;
  /** False alarm rate, %: 100 · FP / (FP + TN). */
  readonly far: number;
  /** Missed alarm rate, %: 100 · FN / (FN + TP). */
  readonly mar: number;
  readonly counts: ConfusionCounts;
}

/** SKAB's outlier-detection metrics: point-wise confusion counts summed over all files, then F1/FAR/MAR. */
export function skabOutlierScores(
  files: readonly { readonly labels: Uint8Array; readonly predictions: Uint8Array }[],
): SkabOutlierResult {
  const counts = files
    .map((f) => confusionCounts(f.labels, f.predictions))
    .reduce(addCounts, { tp: 0, fp: 0, tn: 0, fn: 0 });
  const { tp, fp, tn, fn } = counts;
  return {
    f1: ratioOrZero(tp, tp + (fp + fn) / 2),
    far: 100 * ratioOrZero(fp, fp + tn),
    mar: 100 * ratioOrZero(fn, fn + tp),
    counts,
  };
}

/** SKAB's predicted changepoints: |Δ prediction|, with the first step equal to the first prediction. */
export function predictedChangepoints(predictions: Uint8Array): Uint8Array {
  expectBinaryMask("predictions", predictions);
  const out = new Uint8Array(predictions.length);
  for (let i = 0; i < predictions.length; i++) {
    out[i] = i === 0 ? predictions[0]! : Math.abs(predictions[i]! - predictions[i - 1]!);
  }
  return out;
}

export interface SkabChangepointFile {
  /** int64 ns, non-decreasing. */
  readonly timestamps: BigInt64Array;
  /** 1 where a true changepoint is labelled. */
  readonly changepoints: Uint8Array;
  /** 1 where the detector reports a changepoint (see predictedChangepoints). */
  readonly predicted: Uint8Array;
}

export interface SkabChangepointOptions {
  /** Width of the detection window placed to the right of each changepoint (SKAB: 60 s). */
  windowNs: bigint;
}

export interface SkabChangepointResult {
  readonly profiles: Readonly<Record<NabProfileName, NabProfileScore>>;
  readonly windows: number;
  /** Windows without a detection ("missed CPs"). */
  readonly missed: number;
  /** Predicted changepoints outside every window ("FPs"). */
  readonly falsePositives: number;
}

const DEFAULTS: SkabChangepointOptions = { windowNs: 60n * NS_PER_SECOND };

/** tsad's discretisation of the "improved" scoring curve: 1000 points of a scaled tanh. */
const DETAIL = 1000;

/**
 * tsad's `my_scale` (koef = 1): the reward of a detection at fraction f of its window, falling from A_TP at the
 * left edge to −A_FP at the right along −tanh(x)/tanh(π/2) with x on a 1000-point grid over [−π/2, π/2].
 */
function tanhReward(fraction: number, profile: NabProfile): number {
  const k = Math.min(Math.trunc(fraction * DETAIL), DETAIL - 1);
  const x = -Math.PI / 2 + (k * Math.PI) / (DETAIL - 1);
  const half = (profile.tp + profile.fp) / 2;
  return (half * -Math.tanh(x)) / Math.tanh(Math.PI / 2) + half - profile.fp;
}

interface Window {
  left: bigint;
  right: bigint;
}

/** Windows [cp, cp + width]; when one overlaps the next, the right one starts where the left one ends. */
function skabWindows(file: SkabChangepointFile, width: bigint): Window[] {
  const windows: Window[] = [];
  for (let i = 0; i < file.changepoints.length; i++) {
    if (file.changepoints[i] === 1)
      windows.push({ left: file.timestamps[i]!, right: file.timestamps[i]! + width });
  }
  for (let i = 0; i + 1 < windows.length; i++) {
    if (windows[i]!.right >= windows[i + 1]!.left) windows[i + 1]!.left = windows[i]!.right;
  }
  return windows;
}

interface FileOutcome {
  windows: number;
  falsePositives: number;
  /** Per detected window, where its first detection lies as a fraction of the window. */
  hitFractions: number[];
}

/** tsad's extract_cp_confusion_matrix: inclusive windows, first detection per window, the rest outside windows. */
function fileOutcome(file: SkabChangepointFile, width: bigint): FileOutcome {
  expectLabelPair(file.changepoints, file.predicted);
  expectSameLength("changepoints and timestamps", file.changepoints, file.timestamps);
  const times: bigint[] = [];
  for (let i = 0; i < file.predicted.length; i++) {
    if (i > 0 && file.timestamps[i]! < file.timestamps[i - 1]!) {
      throw new VigilArgumentError(`Expected non-decreasing timestamps but index ${i} goes back in time`);
    }
    if (file.predicted[i] === 1) times.push(file.timestamps[i]!);
  }
  const windows = skabWindows(file, width);
  if (windows.length === 0) return { windows: 0, falsePositives: times.length, hitFractions: [] };
  const first = windows[0]!;
  const last = windows[windows.length - 1]!;
  let falsePositives = times.filter((t) => t < first.left || t > last.right).length;
  const hitFractions: number[] = [];
  windows.forEach((w, i) => {
    const hit = times.find((t) => t >= w.left && t <= w.right);
    if (hit !== undefined) {
      const span = w.right - w.left;
      hitFractions.push(span === 0n ? 0 : Number(hit - w.left) / Number(span));
    }
    const next = windows[i + 1];
    if (next !== undefined) falsePositives += times.filter((t) => t > w.right && t < next.left).length;
  });
  return { windows: windows.length, falsePositives, hitFractions };
}

/**
 * SKAB's changepoint score (tsad `chp_score(metric="nab", anomaly_window_destination="righter")`): a window of
 * `windowNs` to the right of each true changepoint; in each, the first predicted changepoint earns the scaled-tanh
 * reward; every predicted changepoint outside all windows costs A_FP and every missed window A_FN; the raw sum over
 * all files is normalised to null = 0 and perfect = 100.
 */
export function skabChangepointScore(
  files: readonly SkabChangepointFile[],
  options?: Partial<SkabChangepointOptions>,
): SkabChangepointResult {
  const o = withDefaults("skabChangepointScore", DEFAULTS, options);
  if (typeof o.windowNs !== "bigint" || o.windowNs <= 0n) {
    throw new VigilArgumentError(
      `Expected a positive bigint for windowNs but received ${String(o.windowNs)}`,
    );
  }
  const outcomes = files.map((f) => fileOutcome(f, o.windowNs));
  const windows = outcomes.reduce((a, f) => a + f.windows, 0);
  const hits = outcomes.reduce((a, f) => a + f.hitFractions.length, 0);
  const falsePositives = outcomes.reduce((a, f) => a + f.falsePositives, 0);
  const profiles = mapNabProfiles((profile) => {
    let raw = -profile.fp * falsePositives - profile.fn * (windows - hits);
    for (const f of outcomes) for (const fraction of f.hitFractions) raw += tanhReward(fraction, profile);
    return normaliseNab(raw, windows, profile);
  });
  return { profiles, windows, missed: windows - hits, falsePositives };
}
