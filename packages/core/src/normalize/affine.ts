import { VigilArgumentError } from "../errors/index.ts";
import { selectChannels } from "../series/select.ts";
import type { Series } from "../series/types.ts";
import { expectOneOf, withDefaults } from "../validate/index.ts";
import {
  type ChannelScaling,
  channelScaling,
  NORMALIZER_KINDS,
  type NormalizerKind,
} from "./channel-scaling.ts";

/** A fitted per-channel normaliser: z-score, robust or min-max, each x ↦ (x − center) / scale. */
export interface AffineNormalizer {
  readonly type: "affine";
  readonly kind: NormalizerKind;
  readonly channels: readonly ChannelScaling[];
}

export interface FitNormalizerOptions {
  kind: NormalizerKind;
  /** Channels to normalise; default every channel whose role is not "setting". */
  channels: readonly string[] | undefined;
}

const DEFAULTS: FitNormalizerOptions = { kind: "zscore", channels: undefined };

/** Names of the channels that describe machine health rather than the operating regime. */
export function sensorChannelNames(series: Series): string[] {
  return series.channels.filter((c) => c.role !== "setting").map((c) => c.name);
}

/**
 * Fits a normaliser on training data only; apply the result to validation and test data. A channel with no
 * value in the training data is an error, since nothing can be said about its scale.
 */
export function fitNormalizer(train: Series, options?: Partial<FitNormalizerOptions>): AffineNormalizer {
  const o = withDefaults("fitNormalizer", DEFAULTS, options);
  const kind = expectOneOf("kind", o.kind, NORMALIZER_KINDS);
  const names = o.channels ?? sensorChannelNames(train);
  const columns = selectChannels(train, names).values;
  const channels = names.map((name, c) => {
    const scaling = channelScaling(name, kind, columns[c]!);
    if (Number.isNaN(scaling.center)) {
      throw new VigilArgumentError(
        `Channel "${name}" has no values in the training data; cannot fit ${kind}`,
      );
    }
    return scaling;
  });
  return { type: "affine", kind, channels };
}

/** Replaces each fitted channel by f(value, scaling); other channels and all metadata are shared. */
function mapFitted(
  normalizer: AffineNormalizer,
  series: Series,
  f: (v: number, s: ChannelScaling) => number,
): Series {
  const index = new Map(series.channels.map((c, i) => [c.name, i]));
  const values = [...series.values];
  for (const scaling of normalizer.channels) {
    const i = index.get(scaling.channel);
    if (i === undefined)
      throw new VigilArgumentError(`The series has no channel "${scaling.channel}" to normalise`);
    values[i] = series.values[i]!.map((v) => f(v, scaling));
  }
  return { ...series, values };
}

/** Normalises the fitted channels into new columns (NaN stays NaN). */
export function applyNormalizer(normalizer: AffineNormalizer, series: Series): Series {
  return mapFitted(normalizer, series, (v, s) => (v - s.center) / s.scale);
}

/** Undoes `applyNormalizer`, back to the original units. */
export function invertNormalizer(normalizer: AffineNormalizer, series: Series): Series {
  return mapFitted(normalizer, series, (v, s) => v * s.scale + s.center);
}
