import { max, min } from "../stats/extent.ts";
import { medianAndMad } from "../stats/mad.ts";
import { mean, std } from "../stats/moments.ts";
import { quantiles } from "../stats/quantile.ts";

/** Which centre and scale a normaliser uses. */
export type NormalizerKind = "zscore" | "robust" | "minmax";

export const NORMALIZER_KINDS: readonly NormalizerKind[] = ["zscore", "robust", "minmax"];

/** x ↦ (x − center) / scale for one named channel. */
export interface ChannelScaling {
  readonly channel: string;
  readonly center: number;
  readonly scale: number;
}

/** IQR / (2 Φ⁻¹(3/4)): the IQR of normal data scaled to σ, the robust fallback when the MAD is zero. */
const IQR_SCALE = 1 / 1.3489795003921634;

/**
 * Centre and scale of the non-NaN `values` for `kind`: mean / std (ddof 1), median / scaled MAD, or
 * min / range. A zero or undefined scale would turn a constant training channel into ±Infinity, so it falls
 * back — robust: scaled IQR, then std — and finally to 1 (the channel is then only centred). NaN centre
 * when no value is present.
 */
export function channelScaling(
  channel: string,
  kind: NormalizerKind,
  values: ArrayLike<number>,
): ChannelScaling {
  let center: number;
  let scale: number;
  if (kind === "zscore") {
    center = mean(values);
    scale = std(values);
  } else if (kind === "robust") {
    ({ median: center, mad: scale } = medianAndMad(values, { scaled: true }));
    if (!(scale > 0)) {
      const [q1, q3] = quantiles(values, [0.25, 0.75]);
      scale = (q3! - q1!) * IQR_SCALE;
    }
    if (!(scale > 0)) scale = std(values);
  } else {
    center = min(values);
    scale = max(values) - center;
  }
  return { channel, center, scale: scale > 0 && Number.isFinite(scale) ? scale : 1 };
}
