import { calibrateThresholdForERT, type ErtCalibration } from "@vigil/core/drift";
import { VigilError } from "@vigil/core/errors";
import { medianAndMad } from "@vigil/core/stats";
import { ChannelDrift, expectedFractions } from "./channel-drift.ts";
import { BlockBuilder, ChannelBins, type DriftBlock } from "./drift-block.ts";
import { type DriftOptions, driftOptions } from "./drift-options.ts";
import { LatentDrift } from "./latent-drift.ts";
import { medianOf, quantileOfSorted, sortedFinite } from "./quantiles.ts";
import { RandomFeatures, type RandomFeaturesState } from "./random-features.ts";
import { ScoreDrift } from "./score-drift.ts";

/** A drift signal's alarm threshold (null: the signal never varied on the reference, so it is off). */
export interface CalibratedThreshold {
  readonly threshold: number | null;
  /** Mean first-false-alarm time of the simulated drift-free streams at the threshold, in blocks. */
  readonly meanRunLengthBlocks: number | null;
}

/** Everything the drift monitor compares live data with; plain JSON, saved in the model's serving profile. */
export interface DriftReferenceState {
  readonly kind: "vigil.drift-reference";
  readonly version: 1;
  readonly options: DriftOptions;
  /** Names of the embedding's dimensions (see score-embedding.ts). */
  readonly embedding: readonly string[];
  readonly features: RandomFeaturesState;
  /** mean φ over the reference steps. */
  readonly referenceFeatures: readonly number[];
  readonly channels: readonly string[];
  readonly edges: readonly (readonly number[])[];
  readonly expected: readonly number[];
  /** Page-Hinkley δ in calibrated-score units. */
  readonly scoreDelta: number;
  readonly latent: CalibratedThreshold;
  readonly score: CalibratedThreshold;
  readonly channel: CalibratedThreshold;
  readonly referenceBlocks: number;
}

export interface DriftReferenceInput {
  readonly channels: readonly string[];
  /** Held-out raw channel values, one column per channel. */
  readonly values: readonly Float64Array[];
  /** Calibrated scores of the same steps. */
  readonly scores: Float64Array;
  readonly embeddingNames: readonly string[];
  /** One column per embedding dimension, same steps. */
  readonly embedding: readonly Float64Array[];
}

/** Robust location and scale of one column (MAD, falling back to the standard deviation, then 1). */
function robustScale(column: Float64Array): { center: number; scale: number } {
  const finite = column.filter(Number.isFinite);
  if (finite.length === 0) return { center: 0, scale: 1 };
  const { median: center, mad } = medianAndMad(finite, { scaled: true });
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  const sd = Math.sqrt(finite.reduce((a, b) => a + (b - mean) ** 2, 0) / finite.length);
  return { center, scale: mad > 0 ? mad : sd > 0 ? sd : 1 };
}

/** Median pairwise distance of up to 300 standardised rows: the kernel width of the median heuristic. */
function medianDistance(rows: Float64Array[]): number {
  const step = Math.max(1, Math.floor(rows.length / 300));
  const picked = rows.filter((_, i) => i % step === 0);
  const distances: number[] = [];
  for (let a = 0; a < picked.length; a++)
    for (let b = a + 1; b < picked.length; b++) {
      let s = 0;
      for (let k = 0; k < picked[a]!.length; k++) s += (picked[a]![k]! - picked[b]![k]!) ** 2;
      distances.push(Math.sqrt(s));
    }
  return distances.length === 0 ? 0 : medianOf(Float64Array.from(distances));
}

function calibrate(
  name: string,
  blocks: number,
  options: DriftOptions,
  createDetector: () => { observe(block: DriftBlock): { statistic: number } },
  reference: readonly DriftBlock[],
): { threshold: number | null; calibration: ErtCalibration | undefined } {
  if (blocks === 0) return { threshold: null, calibration: undefined };
  // The simulated streams draw whole reference blocks, so the sample handed over is a block index.
  const calibration = calibrateThresholdForERT({
    createDetector: () => {
      const detector = createDetector();
      return {
        step: (i: number) => ({ drift: false, statistic: detector.observe(reference[i]!).statistic }),
      };
    },
    sample: (rng) => rng.int(reference.length),
    ert: options.ertSteps / options.blockSteps,
    runs: options.runs,
    horizonFactor: options.horizonFactor,
    seed: options.seed + name.length,
  });
  return { threshold: calibration.threshold, calibration };
}

const described = (c: {
  threshold: number | null;
  calibration: ErtCalibration | undefined;
}): CalibratedThreshold => ({
  threshold: c.threshold,
  meanRunLengthBlocks: c.calibration?.meanRunLength ?? null,
});

/** Blocks of the held-out steps, for the reference and its drift-free resampling. */
export function referenceBlockCount(steps: number, options?: Partial<DriftOptions>): number {
  return Math.floor(steps / driftOptions(options).blockSteps);
}

/**
 * Builds the drift reference from a model's held-out training steps and calibrates each signal's
 * threshold to the stated ERT with core's calibrateThresholdForERT, the drift-free streams being
 * resampled reference blocks. Needs at least 2·windowBlocks blocks (VIGIL_ERR_DRIFT_REFERENCE_SHORT).
 */
export function buildDriftReference(
  input: DriftReferenceInput,
  options?: Partial<DriftOptions>,
): DriftReferenceState {
  const o = driftOptions(options);
  const steps = input.scores.length;
  const blockCount = Math.floor(steps / o.blockSteps);
  if (blockCount < 2 * o.windowBlocks) {
    throw new VigilError(
      "VIGIL_ERR_DRIFT_REFERENCE_SHORT",
      `Drift monitoring needs at least ${2 * o.windowBlocks * o.blockSteps} held-out steps (2·windowBlocks·blockSteps) but received ${steps}`,
    );
  }
  const dims = input.embedding.length;
  const scaled = input.embedding.map(robustScale);
  const standardised = Array.from({ length: steps }, (_, t) =>
    Float64Array.from(input.embedding, (col, k) => (col[t]! - scaled[k]!.center) / scaled[k]!.scale),
  ).filter((row) => row.every(Number.isFinite));
  const bandwidth = medianDistance(standardised);
  const features = new RandomFeatures({
    dims,
    features: o.features,
    bandwidth: bandwidth > 0 ? bandwidth : 1,
    seed: o.seed,
    center: scaled.map((s) => s.center),
    scale: scaled.map((s) => s.scale),
  });
  const edges = input.values.map((column) => {
    const sorted = sortedFinite(column);
    const out: number[] = [];
    for (let k = 1; k < o.bins && sorted.length > 0; k++) {
      const e = quantileOfSorted(sorted, k / o.bins);
      if (out.length === 0 || e > out[out.length - 1]!) out.push(e);
    }
    return Float64Array.from(out);
  });
  const bins = new ChannelBins(edges);
  const builder = new BlockBuilder(features, bins);
  const blocks: DriftBlock[] = [];
  const embeddingRow = new Float64Array(dims);
  const row = new Float64Array(input.values.length);
  for (let t = 0; t < blockCount * o.blockSteps; t++) {
    for (let k = 0; k < dims; k++) embeddingRow[k] = input.embedding[k]![t]!;
    for (let c = 0; c < row.length; c++) row[c] = input.values[c]![t]!;
    builder.add(input.scores[t]!, embeddingRow, row);
    if (builder.steps === o.blockSteps) blocks.push(builder.take());
  }
  const featureTotal = new Float64Array(o.features + 1);
  const histogramTotal = new Float64Array(bins.length);
  for (const b of blocks) {
    b.features.forEach((v, i) => {
      featureTotal[i]! += v;
    });
    b.histogram.forEach((v, i) => {
      histogramTotal[i]! += v;
    });
  }
  const count = featureTotal[o.features]!;
  const referenceFeatures = Float64Array.from({ length: o.features }, (_, f) =>
    count === 0 ? 0 : featureTotal[f]! / count,
  );
  const expected = expectedFractions(bins, histogramTotal);

  const latent = calibrate(
    "latent",
    count > 0 && bandwidth > 0 ? blocks.length : 0,
    o,
    () => new LatentDrift(referenceFeatures, o.windowBlocks, Number.POSITIVE_INFINITY),
    blocks,
  );
  const channel = calibrate(
    "channel",
    edges.some((e) => e.length > 0) ? blocks.length : 0,
    o,
    () => new ChannelDrift(bins, expected, o.windowBlocks, Number.POSITIVE_INFINITY),
    blocks,
  );
  const means = blocks.map((b) => b.score).filter(Number.isFinite);
  const mean = means.reduce((a, b) => a + b, 0) / Math.max(1, means.length);
  const sd = Math.sqrt(means.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, means.length));
  const scoreDelta = o.scoreDelta * sd;
  const finiteBlocks = blocks.filter((b) => Number.isFinite(b.score));
  const score = calibrate(
    "score",
    sd > 0 ? finiteBlocks.length : 0,
    o,
    () =>
      new ScoreDrift({
        delta: scoreDelta,
        threshold: Number.POSITIVE_INFINITY,
        minInstances: o.windowBlocks,
      }),
    finiteBlocks,
  );
  return {
    kind: "vigil.drift-reference",
    version: 1,
    options: o,
    embedding: [...input.embeddingNames],
    features: features.state,
    referenceFeatures: Array.from(referenceFeatures),
    channels: [...input.channels],
    edges: edges.map((e) => Array.from(e)),
    expected: Array.from(expected),
    scoreDelta,
    latent: described(latent),
    score: described(score),
    channel: described(channel),
    referenceBlocks: blocks.length,
  };
}
