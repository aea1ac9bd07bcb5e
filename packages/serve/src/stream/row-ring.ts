/** JSON form of a RowRing: its rows oldest first, times as decimal strings. */
export interface RowRingState {
  readonly capacity: number;
  readonly timestamps: string[];
  readonly rows: (number | null)[][];
}

/**
 * The last `capacity` closed rows of one asset (timestamps plus one value per channel), kept in flat
 * typed arrays so that cutting the rows a score needs is a copy, never a reallocation per row.
 */
export class RowRing {
  readonly capacity: number;
  readonly width: number;
  readonly #timestamps: BigInt64Array;
  readonly #values: Float64Array;
  #start = 0;
  #length = 0;

  constructor(capacity: number, width: number) {
    this.capacity = capacity;
    this.width = width;
    this.#timestamps = new BigInt64Array(capacity);
    this.#values = new Float64Array(capacity * width);
  }

  static fromJSON(state: RowRingState, capacity: number, width: number): RowRing {
    const ring = new RowRing(capacity, width);
    state.timestamps.forEach((t, i) => {
      const row = state.rows[i]!;
      if (row.length === width)
        ring.push(
          BigInt(t),
          Float64Array.from(row, (v) => v ?? Number.NaN),
        );
    });
    return ring;
  }

  get length(): number {
    return this.#length;
  }

  push(t: bigint, row: ArrayLike<number>): void {
    const slot = (this.#start + this.#length) % this.capacity;
    this.#timestamps[slot] = t;
    this.#values.set(row, slot * this.width);
    if (this.#length < this.capacity) this.#length++;
    else this.#start = (this.#start + 1) % this.capacity;
  }

  /** The last `count` rows ending `skip` rows before the newest, as a new timestamps array and one new column per channel. */
  tail(count: number, skip = 0): { timestamps: BigInt64Array; columns: Float64Array[] } {
    const n = Math.min(count, this.#length - skip);
    const first = this.#length - skip - n;
    const timestamps = new BigInt64Array(n);
    const columns = Array.from({ length: this.width }, () => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      const slot = (this.#start + first + i) % this.capacity;
      timestamps[i] = this.#timestamps[slot]!;
      for (let c = 0; c < this.width; c++) columns[c]![i] = this.#values[slot * this.width + c]!;
    }
    return { timestamps, columns };
  }

  /** The newest `keep` rows (all by default): a snapshot needs only the context and the unscored rows. */
  /** How many of the rows are at or after time t (rows are in time order). */
  countFrom(t: bigint): number {
    let n = 0;
    while (n < this.#length && this.#timestamps[(this.#start + this.#length - 1 - n) % this.capacity]! >= t)
      n++;
    return n;
  }

  toJSON(keep = this.#length): RowRingState {
    const { timestamps, columns } = this.tail(keep);
    return {
      capacity: this.capacity,
      timestamps: Array.from(timestamps, String),
      rows: Array.from(timestamps, (_, i) => columns.map((col) => (Number.isNaN(col[i]!) ? null : col[i]!))),
    };
  }
}
