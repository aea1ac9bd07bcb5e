import { withDefaults } from "../validate/index.ts";
import { presentValues } from "./finite.ts";
import { medianInPlace } from "./select.ts";

/** 1 / Φ⁻¹(3/4): scales the MAD of normal data to its standard deviation. */
export const MAD_SCALE = 1.482602218505602;

export interface MadOptions {
  /** Multiply by MAD_SCALE so the result estimates σ for normal data. */
  scaled: boolean;
}

const DEFAULTS: MadOptions = { scaled: false };

/** Median and median absolute deviation of the non-NaN values (both NaN when there are none). */
export function medianAndMad(
  values: ArrayLike<number>,
  options?: Partial<MadOptions>,
): { median: number; mad: number } {
  const { scaled } = withDefaults("mad", DEFAULTS, options);
  const scratch = presentValues(values);
  const center = medianInPlace(scratch);
  for (let i = 0; i < scratch.length; i++) scratch[i] = Math.abs(scratch[i]! - center);
  const raw = medianInPlace(scratch);
  return { median: center, mad: scaled ? raw * MAD_SCALE : raw };
}

/** Median absolute deviation from the median of the non-NaN values, raw or scaled to σ. */
export function mad(values: ArrayLike<number>, options?: Partial<MadOptions>): number {
  return medianAndMad(values, options).mad;
}
