/** A run of consecutive 1s in a mask: indices start..end, both inclusive. */
export interface IndexRange {
  readonly start: number;
  readonly end: number;
}

/** The maximal runs of 1s in a 0/1 mask, in order. */
export function maskRanges(mask: Uint8Array): IndexRange[] {
  const out: IndexRange[] = [];
  let start = -1;
  for (let i = 0; i <= mask.length; i++) {
    const on = i < mask.length && mask[i] === 1;
    if (on && start < 0) start = i;
    else if (!on && start >= 0) {
      out.push({ start, end: i - 1 });
      start = -1;
    }
  }
  return out;
}

export function anyInRange(mask: Uint8Array, range: IndexRange): boolean {
  for (let i = range.start; i <= range.end; i++) if (mask[i] === 1) return true;
  return false;
}
