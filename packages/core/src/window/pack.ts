import { VigilArgumentError } from "../errors/index.ts";
import { withDefaults } from "../validate/index.ts";
import type { SlidingWindows } from "./sliding.ts";

export interface PackWindowsOptions {
  /** Which windows, in batch order; default all. */
  indices: readonly number[] | undefined;
  /** Which channels (indices into the series' channels), in batch order; default all. */
  channels: readonly number[] | undefined;
  /** Pack the horizon targets instead of the windows ([N, C, horizon]). */
  target: boolean;
}

/** A dense batch laid out [N, C, L] row-major, the layout the engine's 1-D convolutions and VAEs take. */
export interface WindowBatch {
  readonly data: Float32Array;
  readonly shape: readonly [n: number, channels: number, length: number];
}

const DEFAULTS: PackWindowsOptions = { indices: undefined, channels: undefined, target: false };

/**
 * Copies windows into one Float32Array [N, C, L]: the only copy between a Series and the engine. NaN stays
 * NaN (the caller decides how missing values enter a model).
 */
export function packWindows(windows: SlidingWindows, options?: Partial<PackWindowsOptions>): WindowBatch {
  const o = withDefaults("packWindows", DEFAULTS, options);
  const indices = o.indices ?? Array.from({ length: windows.count }, (_, i) => i);
  const columns = windows.series.values;
  const channels = o.channels ?? columns.map((_, c) => c);
  for (const c of channels) {
    if (!Number.isInteger(c) || c < 0 || c >= columns.length) {
      throw new VigilArgumentError(
        `Expected a channel index in [0, ${columns.length - 1}] but received ${c}`,
      );
    }
  }
  const length = o.target ? windows.horizon : windows.length;
  const offset = o.target ? windows.length : 0;
  const data = new Float32Array(indices.length * channels.length * length);
  for (const [b, i] of indices.entries()) {
    const from = windows.start(i) + offset;
    for (const [k, c] of channels.entries())
      data.set(columns[c]!.subarray(from, from + length), (b * channels.length + k) * length);
  }
  return { data, shape: [indices.length, channels.length, length] };
}
