import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "../../src/random/index.ts";
import {
  bandEnergies,
  energySpectrum,
  hzToMel,
  logMelSpectrogram,
  melFilterbank,
  melToHz,
  spectrogram,
  windowFeatures,
} from "../../src/spectral/index.ts";

const rate = 1024;
const sine = (hz: number, n: number, amplitude = 1): Float64Array =>
  Float64Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate));

test("Parseval: the unwindowed energy spectrum sums to the signal's energy", () => {
  const rng = createRng(1);
  const x = Float64Array.from({ length: 256 }, () => rng.normal());
  const energy = x.reduce((s, v) => s + v * v, 0);
  const total = energySpectrum(x).reduce((s, v) => s + v, 0);
  assert.ok(Math.abs(total - energy) < 1e-9 * energy);
  assert.throws(() => energySpectrum(new Float64Array(100)), /power of two/);
});

test("a pure sine puts its energy into the right band", () => {
  // 200 Hz, amplitude 2, exactly 50 cycles in 256 samples: energy n·A²/2 = 512, Hann factor 3/8 → 192.
  const e = bandEnergies(sine(200, 256, 2), {
    sampleRateHz: rate,
    bands: [
      [0, 100],
      [150, 250],
      [300, 512],
    ],
  });
  assert.ok(Math.abs(e[1]! - 192) < 1e-9, `${e[1]}`);
  assert.ok(e[0]! < 1e-20 && e[2]! < 1e-20);
  const equal = bandEnergies(sine(300, 256), { sampleRateHz: rate, equalBands: 4, hann: false });
  // Bands of 128 Hz: 300 Hz is in band 2, with all of n·A²/2 = 128.
  assert.ok(Math.abs(equal[2]! - 128) < 1e-9);
  assert.ok(equal[0]! + equal[1]! + equal[3]! < 1e-18);
});

test("mel scale and filterbank: HTK formula, unit peaks, rows summing to one inside the covered range", () => {
  assert.ok(Math.abs(hzToMel(1000) - 999.9855371396195) < 1e-9);
  assert.ok(Math.abs(melToHz(hzToMel(4321)) - 4321) < 1e-9);
  const bank = melFilterbank({ nMels: 20, nfft: 2048, sampleRateHz: 16000, fMinHz: 0, fMaxHz: 8000 });
  assert.equal(bank.length, 20);
  assert.equal(bank[0]!.length, 1025);
  for (const row of bank) assert.ok(Math.max(...row) <= 1 && Math.max(...row) > 0.9);
  // Between the first and last centre (mel spacing 2840/21) the columns sum to 1.
  const step = hzToMel(8000) / 21;
  for (let k = 0; k < 1025; k++) {
    const f = (k * 16000) / 2048;
    if (f <= melToHz(step) || f >= melToHz(20 * step)) continue;
    const sum = bank.reduce((s, row) => s + row[k]!, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, `bin ${k}: ${sum}`);
  }
});

test("spectrogram frames and a log-mel peak that follows a chirp's frequency", () => {
  const frames = spectrogram(sine(128, 1024), { nfft: 256, hop: 128 });
  assert.equal(frames.length, 7);
  for (const frame of frames) assert.equal(frame.indexOf(Math.max(...frame)), 32);
  const low = logMelSpectrogram(sine(50, 2048), { sampleRateHz: rate, nfft: 256, hop: 256, nMels: 16 });
  const high = logMelSpectrogram(sine(400, 2048), { sampleRateHz: rate, nfft: 256, hop: 256, nMels: 16 });
  const argmax = (row: Float64Array): number => row.indexOf(Math.max(...row));
  assert.equal(low.length, 8);
  assert.ok(argmax(high[0]!) > argmax(low[0]!) + 5);
});

test("window features of a sine and of an impulse", () => {
  const f = windowFeatures(sine(8, 1024, 3));
  assert.ok(Math.abs(f.mean) < 1e-12);
  assert.ok(Math.abs(f.rms - 3 / Math.SQRT2) < 1e-12);
  assert.ok(Math.abs(f.kurtosis - 1.5) < 1e-9);
  assert.ok(Math.abs(f.crestFactor - Math.SQRT2) < 1e-12);
  assert.ok(Math.abs(f.peakToPeak - 6) < 1e-12);
  const impulse = windowFeatures([0, 0, 0, 4, Number.NaN]);
  assert.equal(impulse.peakToPeak, 4);
  // mean 1, deviations −1 −1 −1 3: m2 = 3, m4 = 21, kurtosis 21 / 9
  assert.ok(Math.abs(impulse.kurtosis - 7 / 3) < 1e-12);
});
