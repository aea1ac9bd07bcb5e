export { type BandEnergyOptions, bandEnergies } from "./band-energy.ts";
export { hzToMel, type MelFilterbankOptions, melFilterbank, melToHz } from "./mel.ts";
export { binFrequencies, energySpectrum, hannWindow } from "./power-spectrum.ts";
export {
  type LogMelOptions,
  logMelSpectrogram,
  type SpectrogramOptions,
  spectrogram,
} from "./spectrogram.ts";
export { type WindowFeatures, windowFeatures } from "./window-features.ts";
