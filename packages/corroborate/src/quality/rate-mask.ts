/**
 * m_i = 1 when row i follows row i − 1 at the nominal period within the tolerance (SLAC Appendix C:
 * |Δ_i − 1/120 s| ≤ 2.5e−4 s). The first row counts as good.
 */
export function rateMask(timestamps: BigInt64Array, rateHz: number, toleranceSeconds: number): Uint8Array {
  const mask = new Uint8Array(timestamps.length);
  if (mask.length > 0) mask[0] = 1;
  const period = 1e9 / rateHz;
  const tolerance = toleranceSeconds * 1e9;
  for (let i = 1; i < mask.length; i++) {
    mask[i] = Math.abs(Number(timestamps[i]! - timestamps[i - 1]!) - period) <= tolerance ? 1 : 0;
  }
  return mask;
}
