import type { Rng } from "@vigil/core/random";

/** Ranks 0..n−1 scaled to [0, 1], ties broken at random so that k-NN distances are never zero between tied values. */
export function randomTieRanks(column: Float64Array, rng: Rng): Float64Array {
  const n = column.length;
  const jitter = Float64Array.from({ length: n }, () => rng.uniform());
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (column[a] as number) - (column[b] as number) || (jitter[a] as number) - (jitter[b] as number),
  );
  const out = new Float64Array(n);
  order.forEach((row, rank) => {
    out[row] = n > 1 ? rank / (n - 1) : 0;
  });
  return out;
}
