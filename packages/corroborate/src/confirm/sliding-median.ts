import { expectPositiveInteger } from "@vigil/core";

/**
 * Max-heap of (value, ring slot) pairs that tells a shared `where` map each slot's position (encoded as
 * `sign · (position + 1)`, sign telling the heap). The upper half is stored negated, so one max-heap
 * serves both halves.
 */
class IndexedMaxHeap {
  readonly values: Float64Array;
  readonly slots: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    readonly where: Int32Array,
    readonly sign: 1 | -1,
  ) {
    this.values = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  place(i: number, value: number, slot: number): void {
    this.values[i] = value;
    this.slots[i] = slot;
    this.where[slot] = this.sign * (i + 1);
  }

  siftUp(i: number): void {
    const { values, slots, where, sign } = this;
    const v = values[i]!;
    const s = slots[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pv = values[p]!;
      if (pv >= v) break;
      const ps = slots[p]!;
      values[i] = pv;
      slots[i] = ps;
      where[ps] = sign * (i + 1);
      i = p;
    }
    this.place(i, v, s);
  }

  siftDown(i: number): void {
    const { values, slots, where, sign, size } = this;
    const v = values[i]!;
    const s = slots[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      let cv = values[c]!;
      if (c + 1 < size && values[c + 1]! > cv) cv = values[++c]!;
      if (cv <= v) break;
      const cs = slots[c]!;
      values[i] = cv;
      slots[i] = cs;
      where[cs] = sign * (i + 1);
      i = c;
    }
    this.place(i, v, s);
  }

  /** Puts (value, slot) at position i and restores the heap order. */
  replace(i: number, value: number, slot: number): void {
    const old = this.values[i]!;
    this.place(i, value, slot);
    if (value > old) this.siftUp(i);
    else this.siftDown(i);
  }

  push(value: number, slot: number): void {
    this.place(this.size, value, slot);
    this.siftUp(this.size++);
  }

  popTop(): void {
    this.size--;
    if (this.size > 0) {
      this.place(0, this.values[this.size]!, this.slots[this.size]!);
      this.siftDown(0);
    }
  }
}

/**
 * Median of the last `capacity` values: two indexed heaps (lower half max-heap, upper half min-heap) over
 * a ring buffer of slots, as in Härdle & Steiger (1995). The oldest value is replaced in place and
 * re-sifted, so an update costs O(log w) with no sorting and no bulk moves.
 */
export class SlidingMedian {
  readonly capacity: number;
  private readonly where: Int32Array;
  private readonly low: IndexedMaxHeap;
  private readonly high: IndexedMaxHeap;
  private count = 0;
  private oldest = 0;

  constructor(capacity: number) {
    this.capacity = expectPositiveInteger("capacity", capacity);
    this.where = new Int32Array(capacity);
    this.low = new IndexedMaxHeap(capacity, this.where, 1);
    this.high = new IndexedMaxHeap(capacity, this.where, -1);
  }

  get full(): boolean {
    return this.count === this.capacity;
  }

  /** Adds x (not NaN), evicting the oldest value once full. */
  push(x: number): void {
    const { low, high } = this;
    if (this.count < this.capacity) {
      low.push(x, this.count++);
      if (low.size > high.size + 1) {
        high.push(-low.values[0]!, low.slots[0]!);
        low.popTop();
      }
      if (high.size > 0 && low.values[0]! > -high.values[0]!) this.swapTops();
      return;
    }
    const slot = this.oldest;
    this.oldest = slot + 1 === this.capacity ? 0 : slot + 1;
    const at = this.where[slot]!;
    // The evicted value's place takes x, unless x belongs to the other half: then the other half's top
    // moves over into that place and x takes the top's — two sifts instead of three.
    if (at > 0) {
      const top = -high.values[0]!;
      if (high.size > 0 && x > top) {
        low.replace(at - 1, top, high.slots[0]!);
        high.replace(0, -x, slot);
      } else low.replace(at - 1, x, slot);
    } else {
      const top = low.values[0]!;
      if (x < top) {
        high.replace(-at - 1, -top, low.slots[0]!);
        low.replace(0, x, slot);
      } else high.replace(-at - 1, -x, slot);
    }
  }

  /** Median of the values held (mean of the two middle ones for an even count); NaN when empty. */
  median(): number {
    if (this.count === 0) return Number.NaN;
    return this.low.size > this.high.size
      ? this.low.values[0]!
      : 0.5 * (this.low.values[0]! - this.high.values[0]!);
  }

  /** Restores low ≤ high after one value crossed the boundary. */
  private swapTops(): void {
    const { low, high } = this;
    const lowValue = low.values[0]!;
    const lowSlot = low.slots[0]!;
    low.place(0, -high.values[0]!, high.slots[0]!);
    high.place(0, -lowValue, lowSlot);
    low.siftDown(0);
    high.siftDown(0);
  }
}
