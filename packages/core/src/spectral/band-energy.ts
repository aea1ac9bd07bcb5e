import { VigilArgumentError } from "../errors/index.ts";
import { expectNumber, expectPositiveInteger, withDefaults } from "../validate/index.ts";
import { binFrequencies, energySpectrum, hannWindow } from "./power-spectrum.ts";

export interface BandEnergyOptions {
  sampleRateHz: number;
  /** Bands [lowHz, highHz) in Hz; or give `equalBands` to split 0…Nyquist evenly (Nyquist in the last). */
  bands: readonly (readonly [number, number])[] | undefined;
  equalBands: number | undefined;
  /** Hann-window the frame before the FFT (reduces leakage between bands). */
  hann: boolean;
}

const DEFAULTS: BandEnergyOptions = { sampleRateHz: 1, bands: undefined, equalBands: undefined, hann: true };

/** Energy of a frame in each frequency band, from its Parseval-scaled one-sided spectrum. */
export function bandEnergies(
  frame: ArrayLike<number>,
  options: Partial<BandEnergyOptions> & { sampleRateHz: number },
): Float64Array {
  const o = withDefaults("bandEnergies", DEFAULTS, options);
  const rate = expectNumber("sampleRateHz", o.sampleRateHz, Number.MIN_VALUE);
  const nyquist = rate / 2;
  let bands = o.bands;
  if (bands === undefined) {
    if (o.equalBands === undefined)
      throw new VigilArgumentError("Expected bands or equalBands for bandEnergies");
    const m = expectPositiveInteger("equalBands", o.equalBands);
    bands = Array.from(
      { length: m },
      (_, b) =>
        [(b * nyquist) / m, b === m - 1 ? Number.POSITIVE_INFINITY : ((b + 1) * nyquist) / m] as const,
    );
  }
  for (const [lo, hi] of bands) {
    if (!(lo >= 0 && hi > lo))
      throw new VigilArgumentError(`Expected bands with 0 <= low < high but received [${lo}, ${hi})`);
  }
  const spectrum = energySpectrum(frame, o.hann ? hannWindow(frame.length) : undefined);
  const freqs = binFrequencies(frame.length, rate);
  return Float64Array.from(bands, ([lo, hi]) => {
    let sum = 0;
    for (let k = 0; k < spectrum.length; k++) if (freqs[k]! >= lo && freqs[k]! < hi) sum += spectrum[k]!;
    return sum;
  });
}
