import { VigilArgumentError } from "../errors/index.ts";
import { createRng, type Rng } from "../random/index.ts";
import { selectChannels } from "../series/select.ts";
import type { Series } from "../series/types.ts";
import { kMeans } from "../stats/kmeans.ts";
import { meanSilhouette } from "../stats/silhouette.ts";
import {
  expectInteger,
  expectNumber,
  expectOneOf,
  expectPositiveInteger,
  withDefaults,
} from "../validate/index.ts";
import { fitNormalizer, sensorChannelNames } from "./affine.ts";
import {
  type ChannelScaling,
  channelScaling,
  NORMALIZER_KINDS,
  type NormalizerKind,
} from "./channel-scaling.ts";

/**
 * Normalisation per operating regime: machines that run in several conditions (altitude / Mach / throttle
 * for C-MAPSS FD002) have sensor levels that depend on the condition, so one global scaling leaves the
 * regime offsets in the data and hides the degradation under them. The setting channels are standardised
 * and clustered; each regime gets its own per-channel centre and scale.
 */
export interface RegimeNormalizer {
  readonly type: "regime";
  readonly kind: NormalizerKind;
  /** z-score standardisation of the setting channels, applied before distances are measured. */
  readonly settings: readonly ChannelScaling[];
  /** Regime centres in standardised setting space. */
  readonly centroids: readonly (readonly number[])[];
  /** Per regime, the scaling of every normalised channel (same channel order in each). */
  readonly regimes: readonly (readonly ChannelScaling[])[];
}

export interface FitRegimeNormalizerOptions {
  kind: NormalizerKind;
  /** Operating-setting channels; default those with role "setting". */
  settingChannels: readonly string[] | undefined;
  /** Channels to normalise; default every channel whose role is not "setting". */
  channels: readonly string[] | undefined;
  /** Number of regimes; when unset, chosen from 1…maxK by the mean silhouette. */
  k: number | undefined;
  maxK: number;
  /** Below this best silhouette (over k ≥ 2) the data count as one regime. */
  minSilhouette: number;
  /** Rows sampled (seeded) for the O(n²) silhouette. */
  sampleSize: number;
  seed: number;
}

const DEFAULTS: FitRegimeNormalizerOptions = {
  kind: "zscore",
  settingChannels: undefined,
  channels: undefined,
  k: undefined,
  maxK: 6,
  minSilhouette: 0.5,
  sampleSize: 2000,
  seed: 0,
};

/** Rows' standardised settings; NaN where a setting is missing. */
function standardise(
  settings: readonly ChannelScaling[],
  columns: readonly Float64Array[],
  row: number,
): Float64Array {
  return Float64Array.from(settings, (s, d) => (columns[d]![row]! - s.center) / s.scale);
}

function chooseK(points: readonly Float64Array[], o: FitRegimeNormalizerOptions, rng: Rng): number {
  const sample = rng.shuffle([...points]).slice(0, o.sampleSize);
  let best = { k: 1, silhouette: Number.NEGATIVE_INFINITY };
  for (let k = 2; k <= Math.min(o.maxK, sample.length - 1); k++) {
    const { assignment } = kMeans(sample, { k, rng });
    const silhouette = meanSilhouette(sample, assignment, k);
    if (silhouette > best.silhouette) best = { k, silhouette };
  }
  return best.silhouette >= o.minSilhouette ? best.k : 1;
}

/** Fits regimes and per-regime scalings on training data only. */
export function fitRegimeNormalizer(
  train: Series,
  options?: Partial<FitRegimeNormalizerOptions>,
): RegimeNormalizer {
  const o = withDefaults("fitRegimeNormalizer", DEFAULTS, options);
  const kind = expectOneOf("kind", o.kind, NORMALIZER_KINDS);
  expectPositiveInteger("maxK", o.maxK);
  expectPositiveInteger("sampleSize", o.sampleSize);
  expectNumber("minSilhouette", o.minSilhouette, -1, 1);
  const settingNames =
    o.settingChannels ?? train.channels.filter((c) => c.role === "setting").map((c) => c.name);
  if (settingNames.length === 0) {
    throw new VigilArgumentError(
      'Expected setting channels (role "setting" or settingChannels) but found none',
    );
  }
  const settingColumns = selectChannels(train, settingNames).values;
  const settings = fitNormalizer(train, { kind: "zscore", channels: settingNames }).channels;
  const points: Float64Array[] = [];
  const rows: number[] = [];
  for (let i = 0; i < train.timestamps.length; i++) {
    const point = standardise(settings, settingColumns, i);
    if (point.some(Number.isNaN)) continue;
    points.push(point);
    rows.push(i);
  }
  const rng = createRng(o.seed);
  const k = o.k === undefined ? chooseK(points, o, rng) : expectInteger("k", o.k, 1, points.length);
  const { centroids, assignment } = kMeans(points, { k, rng });

  const names = o.channels ?? sensorChannelNames(train);
  const columns = selectChannels(train, names).values;
  const global = fitNormalizer(train, { kind, channels: names }).channels;
  const members: number[][] = centroids.map(() => []);
  for (let p = 0; p < rows.length; p++) members[assignment[p]!]!.push(rows[p]!);
  const regimes = members.map((regimeRows) =>
    names.map((name, c) => {
      const values = Float64Array.from(regimeRows, (i) => columns[c]![i]!).filter((v) => !Number.isNaN(v));
      // Too few values in this regime to measure a spread: borrow the global scaling.
      return values.length >= 2 ? channelScaling(name, kind, values) : global[c]!;
    }),
  );
  return { type: "regime", kind, settings, centroids: centroids.map((c) => [...c]), regimes };
}

/**
 * The regime of each row: the nearest centroid over the settings present in that row, −1 when all of the
 * row's settings are missing.
 */
export function assignRegimes(normalizer: RegimeNormalizer, series: Series): Int32Array {
  const columns = selectChannels(
    series,
    normalizer.settings.map((s) => s.channel),
  ).values;
  const out = new Int32Array(series.timestamps.length);
  for (let i = 0; i < out.length; i++) {
    const point = standardise(normalizer.settings, columns, i);
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const [r, centroid] of normalizer.centroids.entries()) {
      let distance = 0;
      let present = 0;
      for (let d = 0; d < point.length; d++) {
        if (Number.isNaN(point[d]!)) continue;
        distance += (point[d]! - centroid[d]!) ** 2;
        present++;
      }
      if (present > 0 && distance < bestDistance) {
        bestDistance = distance;
        best = r;
      }
    }
    out[i] = best;
  }
  return out;
}

/** Normalises each row with its regime's scaling (NaN for rows of unknown regime, NaN stays NaN). */
export function applyRegimeNormalizer(normalizer: RegimeNormalizer, series: Series): Series {
  const regime = assignRegimes(normalizer, series);
  const index = new Map(series.channels.map((c, i) => [c.name, i]));
  const values = [...series.values];
  for (const [c, { channel }] of (normalizer.regimes[0] ?? []).entries()) {
    const i = index.get(channel);
    if (i === undefined) throw new VigilArgumentError(`The series has no channel "${channel}" to normalise`);
    values[i] = series.values[i]!.map((v, row) => {
      const scaling = normalizer.regimes[regime[row]!]?.[c];
      return scaling === undefined ? Number.NaN : (v - scaling.center) / scaling.scale;
    });
  }
  return { ...series, values };
}
