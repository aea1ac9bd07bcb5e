import assert from "node:assert/strict";
import { test } from "node:test";
import { AssetThresholds, Dspot, Spot } from "../../src/threshold/index.ts";
import { exponentials } from "./rng.ts";

test("SPOT flags an injected spike and few others at risk 1e-4", () => {
  const spot = Spot.fit(exponentials(5000, 3), { risk: 1e-4 });
  assert.ok(Math.abs(spot.threshold - Math.log(1e4)) < 1.5, `threshold ${spot.threshold}`);
  const stream = exponentials(5000, 4);
  stream[2500] = 25;
  const alarms: number[] = [];
  stream.forEach((x, i) => {
    if (spot.step(x).alarm) alarms.push(i);
  });
  assert.ok(alarms.includes(2500), `alarms ${alarms}`);
  assert.ok(alarms.length <= 3, `alarms ${alarms}`);
});

test("DSPOT follows a drifting level that makes SPOT alarm, and still flags a jump", () => {
  const noise = exponentials(3000, 5);
  const drifting = noise.map((x, i) => x + 0.004 * i);
  const calibration = drifting.subarray(0, 1000);
  const stream = drifting.slice(1000);
  stream[1500] = stream[1500]! + 30;
  const spot = Spot.fit(calibration, { risk: 1e-4 });
  const dspot = Dspot.fit(calibration, { risk: 1e-4, depth: 50 });
  const spotAlarms = stream.filter((x) => spot.step(x).alarm).length;
  const dspotAlarms: number[] = [];
  stream.forEach((x, i) => {
    if (dspot.step(x).alarm) dspotAlarms.push(i);
  });
  assert.ok(spotAlarms > 100, `SPOT alarms ${spotAlarms}`);
  assert.ok(dspotAlarms.includes(1500), `DSPOT alarms ${dspotAlarms}`);
  assert.ok(dspotAlarms.length <= 5, `DSPOT alarms ${dspotAlarms}`);
});

test("streaming keeps fewer than 2·maxPeaks peaks and about the threshold of the unbounded SPOT", () => {
  const calibration = exponentials(5000, 11);
  const bounded = Spot.fit(calibration, { risk: 1e-3, maxPeaks: 500 });
  const unbounded = Spot.fit(calibration, { risk: 1e-3, maxPeaks: 1e9 });
  const stream = exponentials(100_000, 12);
  for (const x of stream) {
    bounded.step(x);
    unbounded.step(x);
  }
  const peaks = (s: Spot) => s.toJSON().excesses.length;
  assert.ok(peaks(bounded) < 1000, `${peaks(bounded)} peaks kept`);
  assert.ok(peaks(unbounded) > 1500, "the unbounded one kept them all");
  // Both sit below −ln q = 6.9: SPOT never learns from its alarms, so the tail it fits is truncated.
  assert.ok(
    Math.abs(bounded.threshold - unbounded.threshold) < 0.3,
    `bounded ${bounded.threshold} vs unbounded ${unbounded.threshold}`,
  );
  // A state saved before maxPeaks existed takes the default.
  const { maxPeaks: _, ...older } = bounded.toJSON().options;
  const restored = Spot.fromJSON({ ...bounded.toJSON(), options: older });
  assert.equal(restored.options.maxPeaks, 5000);
});

test("threshold state survives a JSON round trip and continues identically", () => {
  const original = Dspot.fit(exponentials(2000, 8), { depth: 10 });
  const restored = Dspot.fromJSON(JSON.parse(JSON.stringify(original)));
  for (const x of exponentials(500, 9)) assert.deepEqual(restored.step(x), original.step(x));
  assert.throws(() => Spot.fromJSON({ kind: "vigil.spot", version: 2 }), { code: "VIGIL_ERR_INPUT" });
  const bad = { ...original.toJSON().spot, excesses: [1, -2] };
  assert.throws(() => Spot.fromJSON(bad, "state.json"), /state\.json, column excesses\[1\]/);
});

test("per-asset adaptive thresholds are independent and restorable", () => {
  const a = { site: "s1", machine: "pump" };
  const b = { site: "s1", machine: "fan" };
  const set = new AssetThresholds({ depth: 10, risk: 1e-3 });
  set.calibrate(a, exponentials(2000, 10));
  set.calibrate(
    b,
    exponentials(2000, 11).map((x) => 100 + 10 * x),
  );
  assert.ok(set.threshold(b) > set.threshold(a) + 80);
  assert.equal(set.step(a, 50).alarm, true);
  assert.equal(set.step(b, 50).alarm, false);
  const restored = AssetThresholds.fromJSON(JSON.parse(JSON.stringify(set)));
  assert.equal(restored.threshold(a), set.threshold(a));
  assert.throws(() => set.step({ site: "s2", machine: "pump" }, 1), {
    code: "VIGIL_ERR_THRESHOLD_UNCALIBRATED",
  });
});
