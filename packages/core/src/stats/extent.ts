/** Smallest non-NaN value; NaN when there is none. */
export function min(values: ArrayLike<number>): number {
  let out = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < out || Number.isNaN(out)) out = v;
  }
  return out;
}

/** Largest non-NaN value; NaN when there is none. */
export function max(values: ArrayLike<number>): number {
  let out = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > out || Number.isNaN(out)) out = v;
  }
  return out;
}
