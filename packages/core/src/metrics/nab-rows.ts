import { type NabWindowOptions, nabProbationLength, nabWindows } from "./nab-windows.ts";

/** Marks rows in the probationary period in NabRows.window. */
export const NAB_PROBATION = -2;
/** Marks rows outside every window in NabRows.window. */
export const NAB_OUTSIDE = -1;

/** What a detection on each row of one file would earn, before profile weights (NAB's calcSweepScore). */
export interface NabRows {
  readonly windows: number;
  /** Window index of each row, NAB_OUTSIDE or NAB_PROBATION. */
  readonly window: Int32Array;
  /**
   * In a window: σ̃(−(right − i + 1) / width) / σ̃(−1), the true-positive share (1 at the left edge).
   * Outside: σ̃(distance past the preceding window / (its width − 1)), or −1 before any window.
   */
  readonly reward: Float64Array;
}

/** NAB's scaled sigmoid: 2·σ(−5y) − 1, and −1 beyond three window lengths past a window. */
export function nabScaledSigmoid(y: number): number {
  return y > 3 ? -1 : 2 / (1 + Math.exp(5 * y)) - 1;
}

const MAX_TP = nabScaledSigmoid(-1);

export function nabRows(labels: Uint8Array, options: NabWindowOptions): NabRows {
  const rows = labels.length;
  const windows = nabWindows(labels, options);
  const probation = nabProbationLength(rows, options.probationFraction);
  const window = new Int32Array(rows);
  const reward = new Float64Array(rows);
  let w = 0;
  let prev: { end: number; width: number } | undefined;
  for (let i = 0; i < rows; i++) {
    let win = windows[w];
    if (win !== undefined && i > win.end) {
      prev = { end: win.end, width: win.end - win.start + 1 };
      win = windows[++w];
    }
    if (win !== undefined && i >= win.start) {
      const width = win.end - win.start + 1;
      window[i] = w;
      reward[i] = nabScaledSigmoid(-(win.end - i + 1) / width) / MAX_TP;
    } else {
      window[i] = NAB_OUTSIDE;
      // Before any window NAB charges the full penalty; after one, less the closer it is.
      reward[i] = prev === undefined ? -1 : nabScaledSigmoid((i - prev.end) / (prev.width - 1));
    }
    if (i < probation) window[i] = NAB_PROBATION;
  }
  return { windows: windows.length, window, reward };
}
