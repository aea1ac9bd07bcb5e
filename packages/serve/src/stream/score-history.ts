/** One scored step as the explanation needs it. */
export interface HistoryStep {
  readonly t: bigint;
  readonly score: number;
  /** The detector's own score. */
  readonly raw: number;
  readonly components: Readonly<Record<string, number>>;
  readonly contributions: Float64Array;
}

/**
 * The last `capacity` scored steps of an asset with their components and per-channel contributions,
 * from which an event's explanation (ranking, heatmap, components) is cut when it opens. Not part of
 * the snapshot: an event that is already open keeps the explanation it was stored with.
 */
export class ScoreHistory {
  readonly capacity: number;
  readonly #steps: HistoryStep[] = [];

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  push(step: HistoryStep): void {
    this.#steps.push(step);
    if (this.#steps.length > this.capacity) this.#steps.shift();
  }

  /** Steps with from ≤ t ≤ to, oldest first. */
  between(from: bigint, to: bigint): HistoryStep[] {
    return this.#steps.filter((s) => s.t >= from && s.t <= to);
  }

  /** Steps ending at `to`, at most `count` before `from` included. */
  around(from: bigint, to: bigint, before: number): HistoryStep[] {
    const first = this.#steps.findIndex((s) => s.t >= from);
    const start = Math.max(0, (first < 0 ? this.#steps.length : first) - before);
    return this.#steps.slice(start).filter((s) => s.t <= to);
  }
}
