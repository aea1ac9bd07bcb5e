/**
 * Min/max decimation for charts: at most `maxPoints` rows. The rows are cut into ⌊maxPoints/2⌋ runs
 * of (nearly) equal length; each run becomes two rows, at its first and last time, carrying every
 * channel's minimum and maximum over the run in the order they occurred. Peaks (the anomalies one
 * looks for) survive, which an average or a stride would smooth away. NaN (missing) is ignored; a run
 * with no value for a channel gives NaN there.
 */
export function decimateMinMax(
  timestamps: BigInt64Array,
  values: readonly Float64Array[],
  maxPoints: number,
): { timestamps: BigInt64Array; values: Float64Array[] } {
  const n = timestamps.length;
  if (n <= maxPoints) return { timestamps, values: values.map((v) => v) };
  const runs = Math.max(1, Math.floor(maxPoints / 2));
  const outT = new BigInt64Array(2 * runs);
  const outV = values.map(() => new Float64Array(2 * runs));
  for (let r = 0; r < runs; r++) {
    const a = Math.floor((r * n) / runs);
    const b = Math.floor(((r + 1) * n) / runs);
    outT[2 * r] = timestamps[a]!;
    outT[2 * r + 1] = timestamps[b - 1]!;
    for (const [c, column] of values.entries()) {
      let min = Number.NaN;
      let max = Number.NaN;
      let minAt = -1;
      let maxAt = -1;
      for (let i = a; i < b; i++) {
        const v = column[i]!;
        if (Number.isNaN(v)) continue;
        if (minAt < 0 || v < min) {
          min = v;
          minAt = i;
        }
        if (maxAt < 0 || v > max) {
          max = v;
          maxAt = i;
        }
      }
      const first = minAt <= maxAt ? min : max;
      const second = minAt <= maxAt ? max : min;
      outV[c]![2 * r] = first;
      outV[c]![2 * r + 1] = second;
    }
  }
  return { timestamps: outT, values: outV };
}
