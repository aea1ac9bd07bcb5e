import { VigilArgumentError } from "@vigil/core/errors";

/** Points per leaf: below this a linear scan beats descending further. */
const LEAF_SIZE = 16;

/**
 * A kd-tree over the rows of column-major data for max-norm (Chebyshev) neighbour queries, with a bounding box
 * per node so that range counts add whole subtrees that lie inside the query ball instead of visiting them.
 * Every comparison is between the same floating-point differences |q_c − x_c| a brute-force scan computes
 * (box bounds are data values, and rounded subtraction is monotone), so results match a brute-force scan exactly,
 * ties included — which keeps the CMIknn statistics bit-identical to the O(n²) reference.
 * Coordinates are copied row-major in tree order so that leaf scans read contiguous memory.
 */
export class KdTree {
  readonly size: number;
  private readonly d: number;
  private readonly columns: readonly Float64Array[];
  /** coords[t·d + c]: coordinate c of the t-th row in tree order. */
  private readonly coords: Float64Array;
  /** rows[t]: the original row index of the t-th row in tree order. */
  private readonly rows: Int32Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly boxMin: Float64Array;
  private readonly boxMax: Float64Array;
  private nodes = 0;
  private readonly query: Float64Array;
  private heap = new Float64Array(0);
  private heapCount = 0;
  private heapCapacity = 0;
  private bound = Infinity;

  constructor(columns: readonly Float64Array[]) {
    if (columns.length === 0) throw new VigilArgumentError("KdTree needs at least one column");
    this.columns = columns;
    this.d = columns.length;
    this.size = (columns[0] as Float64Array).length;
    this.query = new Float64Array(this.d);
    const maxNodes = 2 * Math.ceil((2 * this.size) / LEAF_SIZE) + 1;
    this.start = new Int32Array(maxNodes);
    this.end = new Int32Array(maxNodes);
    this.left = new Int32Array(maxNodes).fill(-1);
    this.right = new Int32Array(maxNodes).fill(-1);
    this.boxMin = new Float64Array(maxNodes * this.d);
    this.boxMax = new Float64Array(maxNodes * this.d);
    const order = Int32Array.from({ length: this.size }, (_, i) => i);
    if (this.size > 0) this.build(order, 0, this.size);
    this.rows = order;
    this.coords = new Float64Array(this.size * this.d);
    for (let t = 0; t < this.size; t++)
      for (let c = 0; c < this.d; c++)
        this.coords[t * this.d + c] = (columns[c] as Float64Array)[order[t] as number] as number;
  }

  /** Builds the node over order[lo, hi) and returns its id. */
  private build(order: Int32Array, lo: number, hi: number): number {
    const id = this.nodes++;
    const d = this.d;
    this.start[id] = lo;
    this.end[id] = hi;
    let widest = 0;
    let widestSpan = -1;
    for (let c = 0; c < d; c++) {
      const column = this.columns[c] as Float64Array;
      let min = Infinity;
      let max = -Infinity;
      for (let t = lo; t < hi; t++) {
        const v = column[order[t] as number] as number;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      this.boxMin[id * d + c] = min;
      this.boxMax[id * d + c] = max;
      if (max - min > widestSpan) {
        widestSpan = max - min;
        widest = c;
      }
    }
    if (hi - lo > LEAF_SIZE && widestSpan > 0) {
      const mid = (lo + hi) >>> 1;
      select(order, this.columns[widest] as Float64Array, lo, hi - 1, mid);
      this.left[id] = this.build(order, lo, mid);
      this.right[id] = this.build(order, mid, hi);
    }
    return id;
  }

  private load(row: number): void {
    for (let c = 0; c < this.d; c++) this.query[c] = (this.columns[c] as Float64Array)[row] as number;
  }

  /** Max-norm distance from the query to the box of `node`: a lower bound for every point inside. */
  private gap(node: number): number {
    const d = this.d;
    const q = this.query;
    let gap = 0;
    for (let c = 0; c < d; c++) {
      const below = (this.boxMin[node * d + c] as number) - (q[c] as number);
      const above = (q[c] as number) - (this.boxMax[node * d + c] as number);
      if (below > gap) gap = below;
      if (above > gap) gap = above;
    }
    return gap;
  }

  /** Largest max-norm distance from the query to a corner of the box of `node`: an upper bound. */
  private reach(node: number): number {
    const d = this.d;
    const q = this.query;
    let reach = 0;
    for (let c = 0; c < d; c++) {
      const a = Math.abs((q[c] as number) - (this.boxMin[node * d + c] as number));
      const b = Math.abs((q[c] as number) - (this.boxMax[node * d + c] as number));
      if (a > reach) reach = a;
      if (b > reach) reach = b;
    }
    return reach;
  }

  /** Max-norm distance from the query to the t-th row in tree order. */
  private distanceAt(t: number): number {
    const d = this.d;
    const q = this.query;
    const base = t * d;
    let dist = 0;
    for (let c = 0; c < d; c++) {
      const v = Math.abs((q[c] as number) - (this.coords[base + c] as number));
      if (v > dist) dist = v;
    }
    return dist;
  }

  /**
   * The k-th smallest max-norm distance from row `row` to the rows of the tree, the row itself included as the
   * 0-th (distance 0): i.e. the distance to its k-th nearest other row when the row belongs to the tree.
   * `bound`, when given, is an upper bound on the answer that prunes the search before k + 1 rows are found
   * (e.g. a neighbour's k-th distance plus the distance to it: the k-th distance is 1-Lipschitz).
   */
  kthDistance(row: number, k: number, bound = Infinity): number {
    if (!(k >= 0 && k < this.size))
      throw new VigilArgumentError(`KdTree.kthDistance: k must be in [0, ${this.size - 1}], got ${k}`);
    if (this.heap.length < k + 1) this.heap = new Float64Array(k + 1);
    this.heapCount = 0;
    this.heapCapacity = k + 1;
    this.bound = bound;
    this.load(row);
    this.nearest(0);
    // a bound below the true distance leaves the heap short: fall back to an unbounded search
    if (this.heapCount < this.heapCapacity) return this.kthDistance(row, k);
    return this.heap[0] as number;
  }

  /** Rows in tree order: consecutive rows are spatial neighbours, so their k-th distances are close. */
  treeOrder(): Int32Array {
    return this.rows;
  }

  /** Max-norm distance between two rows of the tree's data. */
  distance(a: number, b: number): number {
    let dist = 0;
    for (const column of this.columns) {
      const v = Math.abs((column[a] as number) - (column[b] as number));
      if (v > dist) dist = v;
    }
    return dist;
  }

  /** Pruning radius: the heap's top once full, else the caller's bound. */
  private limit(): number {
    return this.heapCount < this.heapCapacity ? this.bound : (this.heap[0] as number);
  }

  private nearest(node: number): void {
    const l = this.left[node] as number;
    if (l < 0) {
      const heap = this.heap;
      for (let t = this.start[node] as number; t < (this.end[node] as number); t++) {
        const dist = this.distanceAt(t);
        if (this.heapCount < this.heapCapacity) {
          if (dist <= this.bound) heapPush(heap, this.heapCount++, dist);
        } else if (dist < (heap[0] as number)) heapReplaceTop(heap, this.heapCount, dist);
      }
      return;
    }
    const r = this.right[node] as number;
    const gl = this.gap(l);
    const gr = this.gap(r);
    const nearFirst = gl <= gr;
    // a box no closer than the current k-th distance cannot change it (equal distances leave it as is); before
    // the heap fills, a box beyond the caller's upper bound cannot hold one of the k + 1 nearest
    const near = nearFirst ? gl : gr;
    const far = nearFirst ? gr : gl;
    if (this.heapCount < this.heapCapacity ? near <= this.bound : near < this.limit())
      this.nearest(nearFirst ? l : r);
    if (this.heapCount < this.heapCapacity ? far <= this.bound : far < this.limit())
      this.nearest(nearFirst ? r : l);
  }

  /** Number of rows at max-norm distance strictly below `radius` from row `row` (the row itself included). */
  countWithin(row: number, radius: number): number {
    if (this.size === 0) return 0;
    this.load(row);
    return this.count(0, radius);
  }

  private count(node: number, radius: number): number {
    if (this.gap(node) >= radius) return 0;
    if (this.reach(node) < radius) return (this.end[node] as number) - (this.start[node] as number);
    const l = this.left[node] as number;
    if (l >= 0) return this.count(l, radius) + this.count(this.right[node] as number, radius);
    let inside = 0;
    for (let t = this.start[node] as number; t < (this.end[node] as number); t++)
      if (this.distanceAt(t) < radius) inside++;
    return inside;
  }

  /** Rows at max-norm distance at most `radius` from row `row`, in increasing row order. */
  rowsWithin(row: number, radius: number): number[] {
    const out: number[] = [];
    if (this.size > 0) {
      this.load(row);
      this.collect(0, radius, out);
    }
    return out.sort((a, b) => a - b);
  }

  private collect(node: number, radius: number, out: number[]): void {
    if (this.gap(node) > radius) return;
    const l = this.left[node] as number;
    if (l >= 0) {
      this.collect(l, radius, out);
      this.collect(this.right[node] as number, radius, out);
      return;
    }
    for (let t = this.start[node] as number; t < (this.end[node] as number); t++)
      if (this.distanceAt(t) <= radius) out.push(this.rows[t] as number);
  }
}

/** Quickselect on order[lo..hi] by `column` so that position `k` holds its rank-k element. */
function select(order: Int32Array, column: Float64Array, lo: number, hi: number, k: number): void {
  while (lo < hi) {
    const pivot = column[order[(lo + hi) >>> 1] as number] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((column[order[i] as number] as number) < pivot) i++;
      while ((column[order[j] as number] as number) > pivot) j--;
      if (i <= j) {
        const t = order[i] as number;
        order[i] = order[j] as number;
        order[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Max-heap insert at position `count`. */
function heapPush(heap: Float64Array, count: number, value: number): void {
  let i = count;
  heap[i] = value;
  while (i > 0) {
    const parent = (i - 1) >>> 1;
    if ((heap[parent] as number) >= value) break;
    heap[i] = heap[parent] as number;
    heap[parent] = value;
    i = parent;
  }
}

/** Replaces the maximum of a max-heap of `count` values and restores the heap. */
function heapReplaceTop(heap: Float64Array, count: number, value: number): void {
  let i = 0;
  while (true) {
    const a = 2 * i + 1;
    if (a >= count) break;
    const b = a + 1;
    const child = b < count && (heap[b] as number) > (heap[a] as number) ? b : a;
    if ((heap[child] as number) <= value) break;
    heap[i] = heap[child] as number;
    i = child;
  }
  heap[i] = value;
}
