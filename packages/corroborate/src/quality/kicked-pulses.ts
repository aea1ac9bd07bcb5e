/**
 * Marks kicked pulses (SLAC Appendix C): runs of at most `maxKickPulses` consecutive pulses with the beam
 * lost (TMIT < lostTmit) at every BPM, between pulses with beam. A kicker removes single pulses at a
 * cadence; an RF fault loses the beam for many pulses in a row and is kept.
 */
export function kickedPulseMask(
  tmit: readonly Float64Array[],
  lostTmit: number,
  maxKickPulses: number,
): { keep: Uint8Array; removed: number } {
  const n = tmit[0]?.length ?? 0;
  const keep = new Uint8Array(n).fill(1);
  const lost = (i: number): boolean => tmit.every((column) => column[i]! < lostTmit);
  let removed = 0;
  for (let i = 0; i < n; ) {
    if (!lost(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && lost(j)) j++;
    if (i > 0 && j < n && j - i <= maxKickPulses) {
      keep.fill(0, i, j);
      removed += j - i;
    }
    i = j;
  }
  return { keep, removed };
}
