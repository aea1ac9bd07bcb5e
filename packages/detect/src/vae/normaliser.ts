import { robustLocationScale } from "../baselines/robust.ts";
import type { VaeDetectorOptions } from "./vae-options.ts";

/** Per-channel affine map fitted on training data only: z = (x − center) / scale. */
export interface ChannelNormaliser {
  readonly kind: VaeDetectorOptions["normaliser"];
  readonly center: Float64Array;
  readonly scale: Float64Array;
}

function nanMeanStd(values: Float64Array): { mean: number; std: number } {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  const mean = n === 0 ? Number.NaN : sum / n;
  let ss = 0;
  for (const v of values) if (!Number.isNaN(v)) ss += (v - mean) ** 2;
  return { mean, std: Math.sqrt(ss / Math.max(1, n - 1)) };
}

/**
 * "robust": median and a robust σ (MAD·1.4826, or the mean absolute deviation where a quantised
 * channel has MAD 0; see nanRobustScale), so outliers in the training data do not set the scale;
 * "zscore": mean and standard deviation. A channel with no spread (constant, or all missing) gets
 * scale 1 and an all-missing one center 0, so it normalises to finite values instead of NaN.
 */
export function fitNormaliser(
  columns: readonly Float64Array[],
  kind: ChannelNormaliser["kind"],
): ChannelNormaliser {
  const center = new Float64Array(columns.length);
  const scale = new Float64Array(columns.length);
  columns.forEach((x, c) => {
    let mid: number;
    let spread: number;
    if (kind === "robust") {
      ({ median: mid, scale: spread } = robustLocationScale(x));
    } else {
      const m = nanMeanStd(x);
      mid = m.mean;
      spread = m.std;
    }
    center[c] = Number.isNaN(mid) ? 0 : mid;
    scale[c] = spread > 0 && Number.isFinite(spread) ? spread : 1;
  });
  return { kind, center, scale };
}

/**
 * Normalised channels as one row-major Float32Array [C, T], the layout the model's input is cut
 * from. A missing value takes the channel's last observed (normalised) value, since sensors hold
 * their reading between samples; missing values before the first observation become 0, the
 * training center, which is the least surprising value to the model.
 */
export function normaliseColumns(columns: readonly Float64Array[], n: ChannelNormaliser): Float32Array {
  const steps = columns[0]?.length ?? 0;
  const out = new Float32Array(columns.length * steps);
  columns.forEach((x, c) => {
    const center = n.center[c]!;
    const scale = n.scale[c]!;
    let last = 0;
    for (let t = 0; t < steps; t++) {
      const v = x[t]!;
      if (!Number.isNaN(v)) last = (v - center) / scale;
      out[c * steps + t] = last;
    }
  });
  return out;
}
