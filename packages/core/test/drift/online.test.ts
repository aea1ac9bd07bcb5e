import assert from "node:assert/strict";
import { test } from "node:test";
import {
  Adwin,
  bootstrapSampler,
  calibrateThresholdForERT,
  type OnlineDriftDetector,
  PageHinkley,
} from "../../src/drift/index.ts";
import { createRng, type Rng } from "../../src/random/index.ts";

/** Mean steps to the first alarm of fresh detectors on streams drawn by `sample` (capped at `cap`). */
function empiricalRunLength(
  make: () => OnlineDriftDetector,
  sample: (rng: Rng) => number,
  runs: number,
  cap: number,
  seed: number,
) {
  const rng = createRng(seed);
  let total = 0;
  for (let r = 0; r < runs; r++) {
    const d = make();
    let t = 1;
    while (t < cap && !d.step(sample(rng)).drift) t++;
    total += t;
  }
  return total / runs;
}

/** Mean delay to detect a mean shift of `shift` after `before` drift-free steps (only runs with no earlier alarm). */
function detectionDelay(
  make: () => OnlineDriftDetector,
  sample: (rng: Rng) => number,
  shift: number,
  before: number,
) {
  const rng = createRng(99);
  const delays: number[] = [];
  for (let r = 0; r < 40; r++) {
    const d = make();
    let early = false;
    for (let t = 0; t < before; t++) early ||= d.step(sample(rng)).drift;
    if (early) continue;
    let t = 0;
    while (t < 2000 && !d.step(sample(rng) + shift).drift) t++;
    delays.push(t + 1);
  }
  return delays.reduce((a, b) => a + b, 0) / delays.length;
}

const rng0 = createRng(5);
const reference = Float64Array.from({ length: 3000 }, () => rng0.normal());
const sample = bootstrapSampler(reference);

test("Page-Hinkley calibrated to ERT 300: false-alarm run length on fresh streams is near 300", () => {
  const calibration = calibrateThresholdForERT({
    createDetector: () => new PageHinkley({ threshold: Number.POSITIVE_INFINITY, direction: "both" }),
    sample,
    ert: 300,
    runs: 300,
    seed: 1,
  });
  assert.ok(Math.abs(calibration.meanRunLength - 300) < 15, `calibrated ${calibration.meanRunLength}`);
  const make = () => new PageHinkley({ threshold: calibration.threshold, direction: "both" });
  const arl = empiricalRunLength(make, sample, 300, calibration.horizon, 2);
  assert.ok(arl > 240 && arl < 360, `empirical ERT ${arl} (threshold ${calibration.threshold})`);
  const delay = detectionDelay(make, sample, 2, 100);
  assert.ok(delay < 30, `delay ${delay}`);
});

test("ADWIN calibrated to ERT 1000 keeps its false-alarm rate and catches a mean shift", () => {
  const calibration = calibrateThresholdForERT({
    createDetector: () => new Adwin({ threshold: Number.POSITIVE_INFINITY, clock: 8 }),
    sample,
    ert: 1000,
    // Run lengths spread about as widely as their mean, so 150 runs left a Monte Carlo error near 10 % on each
    // side of the comparison; 600 keep the band below (−25 %, +30 %) beyond four standard errors.
    runs: 600,
    horizonFactor: 6,
    seed: 3,
  });
  const make = () => new Adwin({ threshold: calibration.threshold, clock: 8 });
  const arl = empiricalRunLength(make, sample, 600, calibration.horizon, 4);
  assert.ok(arl > 750 && arl < 1300, `empirical ERT ${arl} (threshold ${calibration.threshold})`);
  const delay = detectionDelay(make, sample, 1.5, 300);
  assert.ok(delay < 80, `delay ${delay}`);
});

test("ADWIN drops the stale part of its window after a shift", () => {
  const adwin = new Adwin({ clock: 1 });
  const rng = createRng(7);
  for (let i = 0; i < 1000; i++) adwin.step(rng.normal());
  let alarms = 0;
  for (let i = 0; i < 500; i++) if (adwin.step(rng.normal() + 3).drift) alarms++;
  assert.ok(alarms >= 1);
  // Cuts fall between buckets, so the bucket straddling the shift can keep a few stale values (8 for almost
  // every seed, a bucket of the size the shift's neighbours have when it is detected); the other 1000 are gone.
  assert.ok(adwin.width < 516 && Math.abs(adwin.mean - 3) < 0.3, `width ${adwin.width}, mean ${adwin.mean}`);
});

test("ADWIN state round-trips through JSON mid-stream", () => {
  const a = new Adwin({ clock: 4 });
  const rng = createRng(9);
  for (let i = 0; i < 700; i++) a.step(rng.normal());
  const b = Adwin.fromJSON(JSON.parse(JSON.stringify(a)));
  assert.equal(b.width, 700);
  for (let i = 0; i < 400; i++) {
    const x = rng.normal() + (i > 200 ? 2 : 0);
    assert.deepEqual(b.step(x), a.step(x));
  }
  assert.equal(b.width, a.width);
  const state = a.toJSON();
  const bad = { ...state, levels: [[[2, 0, 0]], ...state.levels.slice(1)] };
  assert.throws(() => Adwin.fromJSON(bad, "drift.json"), /drift\.json, column levels\[0\]\[0\]/);
});

test("Page-Hinkley state round-trips through JSON", () => {
  const a = new PageHinkley({ threshold: 20 });
  const rng = createRng(8);
  for (let i = 0; i < 200; i++) a.step(rng.normal());
  const b = PageHinkley.fromJSON(JSON.parse(JSON.stringify(a)));
  for (let i = 0; i < 200; i++) {
    const x = rng.normal() + (i > 100 ? 1 : 0);
    assert.deepEqual(b.step(x), a.step(x));
  }
  assert.throws(() => PageHinkley.fromJSON({ ...a.toJSON(), mean: "x" }), { code: "VIGIL_ERR_INPUT" });
  assert.throws(() => new PageHinkley({ treshold: 3 } as never), /Unknown option "treshold"/);
});
