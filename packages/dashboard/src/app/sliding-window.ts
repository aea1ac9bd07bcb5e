/**
 * The most recent `capacity` rows of a time series (a time column and value columns), appended in time
 * order. Storage is twice the capacity so that appending is amortised O(1): the window slides to the
 * front only once every `capacity` appends, instead of shifting on every reading.
 */
export class SlidingWindow {
  readonly capacity: number;
  readonly columnCount: number;
  private readonly times: number[];
  private readonly columns: (number | null)[][];
  private end = 0;
  private size = 0;

  constructor(capacity: number, columnCount: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`Expected a positive integer for capacity but received ${capacity}`);
    }
    this.capacity = capacity;
    this.columnCount = columnCount;
    this.times = new Array<number>(2 * capacity).fill(0);
    this.columns = Array.from({ length: columnCount }, () =>
      new Array<number | null>(2 * capacity).fill(null),
    );
  }

  get length(): number {
    return this.size;
  }

  /** Time of the newest row, or undefined when empty. */
  get lastTime(): number | undefined {
    return this.size === 0 ? undefined : this.times[this.end - 1];
  }

  /**
   * Appends one row; `values[c]` of column c (missing or non-finite values are stored as gaps). A row
   * not newer than the newest is ignored and false returned: charts need ascending times, and the live
   * socket repeats rows that a history fetch already returned.
   */
  push(time: number, values: ArrayLike<number | null | undefined>): boolean {
    if (this.size > 0 && !(time > (this.times[this.end - 1] as number))) return false;
    if (this.end === this.times.length) this.slideToFront();
    this.times[this.end] = time;
    for (let c = 0; c < this.columnCount; c++) {
      const value = values[c];
      (this.columns[c] as (number | null)[])[this.end] =
        typeof value === "number" && Number.isFinite(value) ? value : null;
    }
    this.end++;
    this.size = Math.min(this.size + 1, this.capacity);
    return true;
  }

  /** Drops every row older than `time` (the visible window moved on). */
  dropBefore(time: number): void {
    let start = this.end - this.size;
    while (start < this.end && (this.times[start] as number) < time) start++;
    this.size = this.end - start;
  }

  clear(): void {
    this.end = 0;
    this.size = 0;
  }

  /** Copies of the rows in order as [times, column0, column1, ...]: the shape uPlot's setData takes. */
  toColumns(): [number[], ...(number | null)[][]] {
    const start = this.end - this.size;
    return [
      this.times.slice(start, this.end),
      ...this.columns.map((column) => column.slice(start, this.end)),
    ];
  }

  private slideToFront(): void {
    const start = this.end - this.size;
    this.times.copyWithin(0, start, this.end);
    for (const column of this.columns) column.copyWithin(0, start, this.end);
    this.end = this.size;
  }
}
