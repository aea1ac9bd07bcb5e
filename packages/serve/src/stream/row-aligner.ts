/** JSON form of a RowAligner (times as decimal strings). */
export interface RowAlignerState {
  readonly channels: readonly string[];
  readonly carry: (number | null)[];
  readonly lastClosed: string | null;
  readonly latest: string | null;
  readonly pending: { t: string; values: (number | null)[] }[];
  readonly late: number;
}

export interface ClosedRows {
  readonly timestamps: bigint[];
  readonly rows: Float64Array[];
}

interface PendingRow {
  readonly values: Float64Array;
  filled: number;
  /** Wall-clock ms when its first reading arrived. */
  readonly opened: number;
}

const toNumbers = (values: ArrayLike<number>) => Array.from(values, (v) => (Number.isNaN(v) ? null : v));
const fromNumbers = (values: readonly (number | null)[]) => Float64Array.from(values, (v) => v ?? Number.NaN);

/**
 * Forms one asset's rows from readings that arrive a channel at a time (MQTT publishes one message per
 * channel and reading). A row is the set of readings sharing a timestamp. It closes, in time order, when
 * (a) every channel has a reading at that time, (b) a reading `latenessNs` or more newer has arrived
 * (event time: the others are taken as missing), (c) it has waited `idleCloseMs` of wall-clock time
 * (a quiet asset is not held back), or (d) on flush. A channel missing from a closed row carries its
 * last value forward (NaN before its first reading), as the detectors' own missing-value rule does.
 * A reading at or before the last closed row's time arrives too late to be scored; it is counted and
 * dropped (ingest has already stored it).
 */
export class RowAligner {
  readonly channels: readonly string[];
  readonly #index: Map<string, number>;
  readonly #carry: Float64Array;
  readonly #pending = new Map<bigint, PendingRow>();
  #lastClosed: bigint | undefined;
  #latest: bigint | undefined;
  #late = 0;

  constructor(channels: readonly string[], state?: RowAlignerState) {
    this.channels = channels;
    this.#index = new Map(channels.map((c, i) => [c, i]));
    this.#carry = new Float64Array(channels.length).fill(Number.NaN);
    if (state !== undefined && state.channels.join("\u0000") === channels.join("\u0000")) {
      this.#carry.set(fromNumbers(state.carry));
      this.#lastClosed = state.lastClosed === null ? undefined : BigInt(state.lastClosed);
      this.#latest = state.latest === null ? undefined : BigInt(state.latest);
      for (const p of state.pending) {
        const values = fromNumbers(p.values);
        this.#pending.set(BigInt(p.t), {
          values,
          filled: values.reduce((n, v) => n + (Number.isNaN(v) ? 0 : 1), 0),
          opened: Date.now(),
        });
      }
      this.#late = state.late;
    }
  }

  /** Readings dropped because their row had already closed. */
  get late(): number {
    return this.#late;
  }

  get lastClosed(): bigint | undefined {
    return this.#lastClosed;
  }

  /** Adds one reading; false when the channel is not one of the model's (the reading is ignored). */
  add(channel: string, t: bigint, v: number, now = Date.now()): boolean {
    const c = this.#index.get(channel);
    if (c === undefined) return false;
    if (this.#lastClosed !== undefined && t <= this.#lastClosed) {
      this.#late++;
      return true;
    }
    let row = this.#pending.get(t);
    if (row === undefined) {
      row = { values: new Float64Array(this.channels.length).fill(Number.NaN), filled: 0, opened: now };
      this.#pending.set(t, row);
    }
    if (Number.isNaN(row.values[c]!) && !Number.isNaN(v)) row.filled++;
    row.values[c] = v;
    if (this.#latest === undefined || t > this.#latest) this.#latest = t;
    return true;
  }

  /** Closes every row the rules allow, oldest first; `flush` closes all. */
  drain(latenessNs: bigint, idleCloseMs: number, flush = false, now = Date.now()): ClosedRows {
    const out: ClosedRows = { timestamps: [], rows: [] };
    if (this.#pending.size === 0) return out;
    const times = [...this.#pending.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const t of times) {
      const row = this.#pending.get(t)!;
      const closable =
        flush ||
        row.filled === this.channels.length ||
        (this.#latest !== undefined && this.#latest - t >= latenessNs) ||
        now - row.opened >= idleCloseMs;
      if (!closable) break;
      this.#pending.delete(t);
      for (let c = 0; c < row.values.length; c++) {
        if (Number.isNaN(row.values[c]!)) row.values[c] = this.#carry[c]!;
        else this.#carry[c] = row.values[c]!;
      }
      this.#lastClosed = t;
      out.timestamps.push(t);
      out.rows.push(row.values);
    }
    return out;
  }

  toJSON(): RowAlignerState {
    return {
      channels: [...this.channels],
      carry: toNumbers(this.#carry),
      lastClosed: this.#lastClosed === undefined ? null : String(this.#lastClosed),
      latest: this.#latest === undefined ? null : String(this.#latest),
      pending: [...this.#pending].map(([t, row]) => ({ t: String(t), values: toNumbers(row.values) })),
      late: this.#late,
    };
  }
}
