import type { RandomFeatures } from "./random-features.ts";

/**
 * What one block of scored steps contributes to the drift statistics, as flat vectors that a
 * BlockWindow can sum: `features` holds Σφ(embedding) then the number of steps summed; `histogram`
 * holds each channel's bin counts, channel after channel (offsets from ChannelBins).
 */
export interface DriftBlock {
  /** Mean calibrated score of the block's scored steps; NaN when none had one. */
  readonly score: number;
  readonly features: Float64Array;
  readonly histogram: Float64Array;
}

/** Per-channel PSI bins: inner edges at the reference's quantiles; bin k holds [edges[k−1], edges[k]). */
export class ChannelBins {
  readonly edges: readonly Float64Array[];
  /** Where channel c's bins start in a histogram vector; offsets[C] is the vector's length. */
  readonly offsets: Int32Array;

  constructor(edges: readonly Float64Array[]) {
    this.edges = edges;
    this.offsets = new Int32Array(edges.length + 1);
    edges.forEach((e, c) => {
      this.offsets[c + 1] = this.offsets[c]! + e.length + 1;
    });
  }

  get length(): number {
    return this.offsets[this.edges.length]!;
  }

  /** Counts one row of channel values into `histogram`; missing values count nowhere. */
  add(row: ArrayLike<number>, histogram: Float64Array): void {
    this.edges.forEach((e, c) => {
      const v = row[c]!;
      if (Number.isNaN(v)) return;
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v >= e[mid]!) lo = mid + 1;
        else hi = mid;
      }
      histogram[this.offsets[c]! + lo]!++;
    });
  }
}

/** Accumulates scored steps into blocks of a fixed size. */
export class BlockBuilder {
  readonly #features: RandomFeatures;
  readonly #bins: ChannelBins;
  #scoreSum = 0;
  #scored = 0;
  #steps = 0;
  #featureSum: Float64Array;
  #histogram: Float64Array;

  constructor(features: RandomFeatures, bins: ChannelBins) {
    this.#features = features;
    this.#bins = bins;
    this.#featureSum = new Float64Array(features.state.features + 1);
    this.#histogram = new Float64Array(bins.length);
  }

  get steps(): number {
    return this.#steps;
  }

  add(score: number, embedding: ArrayLike<number>, row: ArrayLike<number>): void {
    this.#steps++;
    if (Number.isFinite(score)) {
      this.#scoreSum += score;
      this.#scored++;
    }
    if (this.#features.accumulate(embedding, this.#featureSum))
      this.#featureSum[this.#featureSum.length - 1]!++;
    this.#bins.add(row, this.#histogram);
  }

  /** The finished block; the builder starts the next one. */
  take(): DriftBlock {
    const block = {
      score: this.#scored === 0 ? Number.NaN : this.#scoreSum / this.#scored,
      features: this.#featureSum,
      histogram: this.#histogram,
    };
    this.#scoreSum = 0;
    this.#scored = 0;
    this.#steps = 0;
    this.#featureSum = new Float64Array(this.#featureSum.length);
    this.#histogram = new Float64Array(this.#histogram.length);
    return block;
  }

  toJSON(): { scoreSum: number; scored: number; steps: number; features: number[]; histogram: number[] } {
    return {
      scoreSum: this.#scoreSum,
      scored: this.#scored,
      steps: this.#steps,
      features: Array.from(this.#featureSum),
      histogram: Array.from(this.#histogram),
    };
  }

  restore(state: ReturnType<BlockBuilder["toJSON"]>): void {
    this.#scoreSum = state.scoreSum;
    this.#scored = state.scored;
    this.#steps = state.steps;
    this.#featureSum = Float64Array.from(state.features);
    this.#histogram = Float64Array.from(state.histogram);
  }
}
