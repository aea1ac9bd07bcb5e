import { VigilInputError } from "../errors/index.ts";
import { expectInteger, expectNumber, withDefaults } from "../validate/index.ts";
import type { OnlineDriftDetector, OnlineDriftStep } from "./online-detector.ts";

export interface AdwinOptions {
  /** Alarm threshold ln(1/δ) on the statistic below (δ = 0.002 → 6.21); calibrate with calibrateThresholdForERT. */
  threshold: number;
  /** Look for a cut every `clock` steps, as river and scikit-multiflow do. */
  clock: number;
  /** Buckets kept per level of the exponential histogram (M). */
  maxBuckets: number;
  /** Both sides of a cut hold at least this many values. */
  minWindowLength: number;
  /** No cut is looked for before the window holds this many values. */
  gracePeriod: number;
}

const DEFAULTS: AdwinOptions = {
  threshold: Math.log(1 / 0.002),
  clock: 32,
  maxBuckets: 5,
  minWindowLength: 5,
  gracePeriod: 10,
};

export interface AdwinState {
  readonly kind: "vigil.adwin";
  readonly version: 1;
  readonly options: AdwinOptions;
  /** Per level, oldest first: [count, total, sum of squared deviations]. */
  readonly levels: [number, number, number][][];
  readonly steps: number;
  /** Running sum and sum of squared deviations of the window (kept, not recomputed, so a restore is bit-exact). */
  readonly total: number;
  readonly variance: number;
}

interface Bucket {
  count: number;
  total: number;
  /** Sum of squared deviations from the bucket's mean. */
  variance: number;
}

/** Sum of squared deviations of two merged groups (Chan et al.'s pairwise update). */
function mergedVariance(a: Bucket, b: Bucket): number {
  const d = a.total / a.count - b.total / b.count;
  return a.variance + b.variance + ((a.count * b.count) / (a.count + b.count)) * d * d;
}

/**
 * ADWIN (Bifet & Gavaldà 2007, ADWIN2 with an exponential histogram). scikit-multiflow cuts the window where
 * |μ₀ − μ₁| > √(2·m·v·D) + (2/3)·m·D, with D = ln(2·ln W / δ), m = 1/(n₀−w+1) + 1/(n₁−w+1), v the window's
 * variance. Solving that inequality for D turns it into `statistic > ln(1/δ)` with
 * statistic = max over cuts of s² − ln(2·ln W), s the positive root of (2m/3)·s² + √(2mv)·s = |μ₀ − μ₁|,
 * so δ is calibrated like any other threshold. After a cut the older part of the window is dropped.
 */
export class Adwin implements OnlineDriftDetector {
  readonly options: AdwinOptions;
  /** levels[i] holds buckets of 2^i values, oldest first; higher levels are older. */
  readonly #levels: Bucket[][] = [];
  #width = 0;
  #total = 0;
  #variance = 0;
  #steps = 0;

  constructor(options?: Partial<AdwinOptions>) {
    const o = withDefaults("Adwin", DEFAULTS, options);
    expectNumber("threshold", o.threshold);
    expectInteger("clock", o.clock, 1);
    expectInteger("maxBuckets", o.maxBuckets, 2);
    expectInteger("minWindowLength", o.minWindowLength, 1);
    expectInteger("gracePeriod", o.gracePeriod, 2);
    this.options = o;
  }

  static fromJSON(state: unknown, source = "ADWIN state"): Adwin {
    const s = state as Partial<AdwinState> | null;
    if (s === null || typeof s !== "object" || s.kind !== "vigil.adwin" || s.version !== 1) {
      throw new VigilInputError('expected an object with kind "vigil.adwin" and version 1', { source });
    }
    const adwin = new Adwin(s.options);
    const finite = (v: unknown, column: string): number => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new VigilInputError(`expected a finite number, got ${String(v)}`, { source, column });
      }
      return v;
    };
    if (!Array.isArray(s.levels))
      throw new VigilInputError("expected a levels array", { source, column: "levels" });
    s.levels.forEach((level, i) => {
      if (!Array.isArray(level))
        throw new VigilInputError("expected an array of buckets", { source, column: `levels[${i}]` });
      const buckets = level.map((b, j) => {
        const at = `levels[${i}][${j}]`;
        const [count, total, variance] = Array.isArray(b) ? b : [];
        if (count !== 2 ** i)
          throw new VigilInputError(`expected a bucket of ${2 ** i} values`, { source, column: at });
        return { count, total: finite(total, at), variance: finite(variance, at) };
      });
      adwin.#levels.push(buckets);
      for (const b of buckets) adwin.#width += b.count;
    });
    adwin.#total = finite(s.total, "total");
    adwin.#variance = finite(s.variance, "variance");
    adwin.#steps = finite(s.steps, "steps");
    return adwin;
  }

  get width(): number {
    return this.#width;
  }

  get mean(): number {
    return this.#width === 0 ? Number.NaN : this.#total / this.#width;
  }

  /** Feeds one value; NaN (missing) changes nothing. The statistic is −Infinity between clock ticks. */
  step(x: number): OnlineDriftStep {
    if (Number.isNaN(x)) return { drift: false, statistic: Number.NEGATIVE_INFINITY };
    this.#insert(x);
    this.#steps++;
    if (this.#steps % this.options.clock !== 0 || this.#width < this.options.gracePeriod) {
      return { drift: false, statistic: Number.NEGATIVE_INFINITY };
    }
    const statistic = this.#maxCutStatistic();
    const drift = statistic > this.options.threshold;
    // Drop the oldest buckets until no cut is significant any more.
    while (this.#maxCutStatistic() > this.options.threshold) this.#removeOldest();
    return { drift, statistic };
  }

  toJSON(): AdwinState {
    return {
      kind: "vigil.adwin",
      version: 1,
      options: { ...this.options },
      levels: this.#levels.map((level) =>
        level.map((b): [number, number, number] => [b.count, b.total, b.variance]),
      ),
      steps: this.#steps,
      total: this.#total,
      variance: this.#variance,
    };
  }

  #insert(x: number): void {
    if (this.#width > 0) {
      const d = x - this.#total / this.#width;
      this.#variance += (this.#width * d * d) / (this.#width + 1);
    }
    this.#width++;
    this.#total += x;
    if (this.#levels.length === 0) this.#levels.push([]);
    this.#levels[0]!.push({ count: 1, total: x, variance: 0 });
    for (let i = 0; i < this.#levels.length; i++) {
      const level = this.#levels[i]!;
      if (level.length <= this.options.maxBuckets) break;
      const a = level.shift()!;
      const b = level.shift()!;
      if (i + 1 === this.#levels.length) this.#levels.push([]);
      this.#levels[i + 1]!.push({
        count: a.count + b.count,
        total: a.total + b.total,
        variance: mergedVariance(a, b),
      });
    }
  }

  #removeOldest(): void {
    let top = this.#levels.length - 1;
    while (top >= 0 && this.#levels[top]!.length === 0) top--;
    const b = this.#levels[top]!.shift()!;
    const rest: Bucket = { count: this.#width - b.count, total: this.#total - b.total, variance: 0 };
    // Undo the pairwise merge: SS_rest = SS − SS_b − n_b·n_rest/W · (μ_b − μ_rest)².
    const d = b.total / b.count - rest.total / rest.count;
    this.#variance = Math.max(
      0,
      this.#variance - b.variance - ((b.count * rest.count) / this.#width) * d * d,
    );
    this.#width = rest.count;
    this.#total = rest.total;
  }

  #maxCutStatistic(): number {
    const { minWindowLength: w } = this.options;
    const v = this.#variance / this.#width;
    const logTerm = Math.log(2 * Math.log(this.#width));
    let best = Number.NEGATIVE_INFINITY;
    let n0 = 0;
    let u0 = 0;
    // Cuts between buckets, oldest part first (highest level, oldest bucket first).
    for (let i = this.#levels.length - 1; i >= 0; i--) {
      for (const b of this.#levels[i]!) {
        n0 += b.count;
        u0 += b.total;
        const n1 = this.#width - n0;
        if (n0 < w || n1 < w) continue;
        const diff = Math.abs(u0 / n0 - (this.#total - u0) / n1);
        const m = 1 / (n0 - w + 1) + 1 / (n1 - w + 1);
        const a = Math.sqrt(2 * m * v);
        const c = (2 * m) / 3;
        const s = (-a + Math.sqrt(a * a + 4 * c * diff)) / (2 * c);
        best = Math.max(best, s * s - logTerm);
      }
    }
    return best;
  }
}
