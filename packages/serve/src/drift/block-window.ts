/** JSON form of a BlockWindow. */
export interface BlockWindowState {
  readonly length: number;
  readonly capacity: number;
  /** Oldest first. */
  readonly blocks: number[][];
}

/**
 * The running sum of the last `capacity` blocks' vectors (feature sums, histogram counts): adding a
 * block subtracts the one leaving the window, so a windowed statistic costs O(length) per block.
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
    for (let i = 0; i < this.length; i++) this.sum[i]! += block[i]!;
    if (this.#blocks.length > this.capacity) {
      const old = this.#blocks.shift()!;
      for (let i = 0; i < this.length; i++) this.sum[i]! -= old[i]!;
    }
  }

  toJSON(): BlockWindowState {
    return { length: this.length, capacity: this.capacity, blocks: this.#blocks.map((b) => Array.from(b)) };
  }
}
