import { expectPositiveInteger, withDefaults } from "../validate/index.ts";
import { melFilterbank } from "./mel.ts";
import { energySpectrum, hannWindow } from "./power-spectrum.ts";

export interface SpectrogramOptions {
  /** Frame (FFT) length, a power of two. */
  nfft: number;
  /** Samples between frame starts. */
  hop: number;
}

/** Frames × bins energies (Hann-windowed, Parseval-scaled), row-major Float64Array per frame. */
export function spectrogram(
  signal: ArrayLike<number>,
  options?: Partial<SpectrogramOptions>,
): Float64Array[] {
  const o = withDefaults("spectrogram", { nfft: 256, hop: 128 }, options);
  const nfft = expectPositiveInteger("nfft", o.nfft);
  const hop = expectPositiveInteger("hop", o.hop);
  const window = hannWindow(nfft);
  const frames: Float64Array[] = [];
  for (let s = 0; s + nfft <= signal.length; s += hop) {
    frames.push(
      energySpectrum(
        Float64Array.from({ length: nfft }, (_, i) => signal[s + i]!),
        window,
      ),
    );
  }
  return frames;
}

export interface LogMelOptions extends SpectrogramOptions {
  sampleRateHz: number;
  nMels: number;
  fMinHz: number;
  fMaxHz: number | undefined;
  /** Added before the log so silent bands stay finite. */
  floor: number;
}

/** log(mel filterbank · energy spectrum + floor) per frame: frames × nMels. */
export function logMelSpectrogram(
  signal: ArrayLike<number>,
  options: Partial<LogMelOptions> & { sampleRateHz: number },
): Float64Array[] {
  const o = withDefaults(
    "logMelSpectrogram",
    {
      nfft: 512,
      hop: 256,
      sampleRateHz: 1,
      nMels: 40,
      fMinHz: 0,
      fMaxHz: undefined as number | undefined,
      floor: 1e-10,
    },
    options,
  );
  const bank = melFilterbank({
    nMels: o.nMels,
    nfft: o.nfft,
    sampleRateHz: o.sampleRateHz,
    fMinHz: o.fMinHz,
    fMaxHz: o.fMaxHz,
  });
  return spectrogram(signal, { nfft: o.nfft, hop: o.hop }).map((frame) =>
    Float64Array.from(bank, (row) => {
      let sum = 0;
      for (let k = 0; k < frame.length; k++) sum += row[k]! * frame[k]!;
      return Math.log(sum + o.floor);
    }),
  );
}
