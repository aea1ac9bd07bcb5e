import { expectNumber, expectPositiveInteger, withDefaults } from "../validate/index.ts";

/** HTK mel scale: 2595 log10(1 + f / 700). */
export const hzToMel = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
export const melToHz = (mel: number): number => 700 * (10 ** (mel / 2595) - 1);

export interface MelFilterbankOptions {
  nMels: number;
  /** FFT length; the filters cover its nfft/2 + 1 one-sided bins. */
  nfft: number;
  sampleRateHz: number;
  fMinHz: number;
  /** Default Nyquist. */
  fMaxHz: number | undefined;
}

const DEFAULTS: MelFilterbankOptions = {
  nMels: 40,
  nfft: 512,
  sampleRateHz: 16000,
  fMinHz: 0,
  fMaxHz: undefined,
};

/**
 * Triangular filters (peak 1) with centres equally spaced in HTK mel between fMin and fMax, evaluated at
 * the bins' frequencies: one row per filter. Neighbouring triangles cross at half height, so between the
 * first and last centre the rows sum to 1 at every bin.
 */
export function melFilterbank(options?: Partial<MelFilterbankOptions>): Float64Array[] {
  const o = withDefaults("melFilterbank", DEFAULTS, options);
  const nMels = expectPositiveInteger("nMels", o.nMels);
  const nfft = expectPositiveInteger("nfft", o.nfft);
  const rate = expectNumber("sampleRateHz", o.sampleRateHz, Number.MIN_VALUE);
  const fMax = expectNumber("fMaxHz", o.fMaxHz ?? rate / 2, 0, rate / 2);
  const fMin = expectNumber("fMinHz", o.fMinHz, 0, fMax);
  const [melLo, melHi] = [hzToMel(fMin), hzToMel(fMax)];
  const edges = Array.from({ length: nMels + 2 }, (_, i) =>
    melToHz(melLo + ((melHi - melLo) * i) / (nMels + 1)),
  );
  return Array.from({ length: nMels }, (_, m) => {
    const [left, centre, right] = [edges[m]!, edges[m + 1]!, edges[m + 2]!];
    return Float64Array.from({ length: (nfft >> 1) + 1 }, (_, k) => {
      const f = (k * rate) / nfft;
      return Math.max(0, Math.min((f - left) / (centre - left), (right - f) / (right - centre)));
    });
  });
}
