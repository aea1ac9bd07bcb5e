/** Training windows of every unit as one row-major [N, C, W] array with their targets. */
export interface WindowSet {
  readonly data: Float32Array;
  /** min(RUL, cap) / cap of the window's last row. */
  readonly target: Float32Array;
  readonly count: number;
}

/**
 * Cuts the full windows (W rows, every `stride`-th end row from W − 1) of normalised units
 * (each [C, T] row-major, with its RUL per row) and pairs each with its scaled, capped target.
 * Rows whose RUL is not finite are skipped.
 */
export function trainingWindows(
  units: readonly { readonly data: Float32Array; readonly steps: number; readonly rul: ArrayLike<number> }[],
  channels: number,
  windowLength: number,
  stride: number,
  cap: number,
): WindowSet {
  const ends: [unit: number, end: number][] = [];
  units.forEach((u, i) => {
    for (let end = windowLength - 1; end < u.steps; end += stride)
      if (Number.isFinite(u.rul[end]!)) ends.push([i, end]);
  });
  const size = channels * windowLength;
  const data = new Float32Array(ends.length * size);
  const target = new Float32Array(ends.length);
  ends.forEach(([i, end], n) => {
    const u = units[i]!;
    const start = end - windowLength + 1;
    for (let c = 0; c < channels; c++)
      data.set(u.data.subarray(c * u.steps + start, c * u.steps + end + 1), n * size + c * windowLength);
    target[n] = Math.min(u.rul[end]!, cap) / cap;
  });
  return { data, target, count: ends.length };
}
