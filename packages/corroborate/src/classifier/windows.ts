import type { Series } from "@vigil/core";
import { lowerBound } from "@vigil/core";
import type { TimeWindow } from "../confirm/window-maxima.ts";

/** Classifier inputs: n examples of (channels × pulses), row-major in one Float32Array. */
export interface PulseWindows {
  readonly data: Float32Array;
  readonly channels: number;
  readonly pulses: number;
  /** Index into the candidate list of each example (candidates without enough history are skipped). */
  readonly source: Int32Array;
}

/**
 * The last `pulses` pulses up to each candidate's end, all channels (SLAC Appendix E: 8 × 720).
 * Candidates with fewer pulses before their end are skipped.
 */
export function pulseWindows(beam: Series, candidates: readonly TimeWindow[], pulses: number): PulseWindows {
  const channels = beam.values.length;
  const kept: number[] = [];
  const ends: number[] = [];
  candidates.forEach((c, k) => {
    const end = lowerBound(beam.timestamps, c.end + 1n);
    if (end >= pulses) {
      kept.push(k);
      ends.push(end);
    }
  });
  const data = new Float32Array(kept.length * channels * pulses);
  ends.forEach((end, e) => {
    for (let c = 0; c < channels; c++) {
      data.set(beam.values[c]!.subarray(end - pulses, end), (e * channels + c) * pulses);
    }
  });
  return { data, channels, pulses, source: Int32Array.from(kept) };
}

/**
 * Per-channel median/MAD normalisation fitted on the training examples only (Appendix E), applied to
 * all, in place. A channel with MAD 0 is only centred.
 */
export function normaliseByTrainingMedianMad(w: PulseWindows, train: readonly number[]): void {
  const { data, channels, pulses } = w;
  for (let c = 0; c < channels; c++) {
    const values = new Float64Array(train.length * pulses);
    train.forEach((e, j) => {
      values.set(data.subarray((e * channels + c) * pulses, (e * channels + c + 1) * pulses), j * pulses);
    });
    const median = medianOf(values);
    const mad = medianOf(values.map((v) => Math.abs(v - median)));
    const scale = mad > 0 ? 1 / mad : 1;
    const n = data.length / (channels * pulses);
    for (let e = 0; e < n; e++) {
      const base = (e * channels + c) * pulses;
      for (let i = 0; i < pulses; i++) data[base + i] = (data[base + i]! - median) * scale;
    }
  }
}

function medianOf(values: Float64Array): number {
  const s = values.filter((v) => !Number.isNaN(v)).sort();
  if (s.length === 0) return 0;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
}
