const scratch = new Float32Array(1);
const bits = new Int32Array(scratch.buffer);

/** The largest float32 at most x (x finite). */
export function float32AtMost(x: number): number {
  const y = Math.fround(x);
  if (y <= x) return y;
  scratch[0] = y;
  // One unit in the last place towards −∞: the bit pattern moves away from zero for negatives.
  bits[0] = y > 0 ? bits[0]! - 1 : y < 0 ? bits[0]! + 1 : -2147483647;
  return scratch[0]!;
}

/** The smallest float32 at least x (x finite, non-negative). */
export function float32AtLeast(x: number): number {
  const y = Math.fround(x);
  if (y >= x) return y;
  scratch[0] = y;
  bits[0] = bits[0]! + 1;
  return scratch[0]!;
}
