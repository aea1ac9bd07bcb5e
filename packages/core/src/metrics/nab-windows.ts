import { expectNumber, withDefaults } from "../validate/index.ts";
import type { IndexRange } from "./ranges.ts";

export interface NabWindowOptions {
  /** Total window length as a fraction of the file, shared among its labels (NAB: 0.10). */
  windowFraction: number;
  /** Leading fraction of each file ignored while a detector learns (NAB: 0.15, at most 5000 rows' worth). */
  probationFraction: number;
}

export const NAB_WINDOW_DEFAULTS: NabWindowOptions = { windowFraction: 0.1, probationFraction: 0.15 };

/** NAB's probationary length: min(⌊p · rows⌋, p · 5000). Rows with index ≥ this are scored. */
export function nabProbationLength(rows: number, probationFraction: number): number {
  return Math.min(Math.floor(probationFraction * rows), probationFraction * 5000);
}

/**
 * NAB's anomaly windows (labeler.applyWindows / checkWindows): each labelled row gets a window of
 * ⌊fraction · rows / labels⌋ rows centred on it, clipped to the file; windows that start inside the
 * probationary period are dropped and overlapping windows are merged.
 */
export function nabWindows(labels: Uint8Array, options?: Partial<NabWindowOptions>): IndexRange[] {
  const o = withDefaults("nabWindows", NAB_WINDOW_DEFAULTS, options);
  expectNumber("windowFraction", o.windowFraction, 0, 1);
  expectNumber("probationFraction", o.probationFraction, 0, 1);
  const rows = labels.length;
  const anomalies: number[] = [];
  for (let i = 0; i < rows; i++) if (labels[i] === 1) anomalies.push(i);
  if (anomalies.length === 0) return [];
  const half = Math.floor(Math.floor((o.windowFraction * rows) / anomalies.length) / 2);
  const probation = nabProbationLength(rows, o.probationFraction);
  const windows: { start: number; end: number }[] = [];
  for (const a of anomalies) {
    const start = Math.max(a - half, 0);
    const end = Math.min(a + half, rows - 1);
    if (start < probation) continue;
    const last = windows[windows.length - 1];
    if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}
