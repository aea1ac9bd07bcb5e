/**
 * The knot counts that `interiorKnots: "auto"` compares: 0 (one cubic polynomial per parent) up to twice
 * Stone's rate ⌊n^(1/5)⌋ (Stone 1982), so the rate-optimal count sits mid-grid and the criterion can move
 * either way from it; counts the rows cannot support (n < K + 5) are left out. The grid depends on n alone,
 * never on the data's values, so it is the same rule for every data set.
 */
export function autoKnotCandidates(n: number): number[] {
  const top = 2 * Math.max(1, Math.floor(n ** 0.2));
  const out: number[] = [];
  for (let k = 0; k <= top && n >= k + 5; k++) out.push(k);
  // too few rows for any basis: keep 0 so the basis itself reports the shortage
  return out.length > 0 ? out : [0];
}
