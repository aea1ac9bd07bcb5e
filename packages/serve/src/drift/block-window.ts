/** JSON form of a BlockWindow. */
export interface BlockWindowState {
  readonly length: number;
  readonly capacity: number;
  /** Oldest first. */
  readonly blocks: number[][];
}

/**
 * The sum of the last `capacity` blocks' vectors (feature sums, histogram counts). It is summed afresh from the
 * blocks on every add (O(capacity · length), a few thousand additions per block), not kept running by
 * subtracting the block that leaves: a running sum keeps the rounding of every block that ever passed (one huge
 * block spoils it for good), and a window restored from its blocks would not continue bit for bit.
 */
export class BlockWindow {
  readonly length: number;
  readonly capacity: number;
  readonly sum: Float64Array;
  readonly #blocks: Float64Array[] = [];

  constructor(length: number, capacity: number) {
    this.length = length;
    this.capacity = capacity;
    this.sum = new Float64Array(length);
  }

  static fromJSON(state: BlockWindowState): BlockWindow {
    const w = new BlockWindow(state.length, state.capacity);
    for (const b of state.blocks) w.add(Float64Array.from(b));
    return w;
  }

  get full(): boolean {
    return this.#blocks.length === this.capacity;
  }

  add(block: Float64Array): void {
    this.#blocks.push(block);
    if (this.#blocks.length > this.capacity) this.#blocks.shift();
    this.sum.fill(0);
    for (const b of this.#blocks) for (let i = 0; i < this.length; i++) this.sum[i]! += b[i]!;
  }

  toJSON(): BlockWindowState {
    return { length: this.length, capacity: this.capacity, blocks: this.#blocks.map((b) => Array.from(b)) };
  }
}
