import assert from "node:assert/strict";
import { test } from "node:test";
import { NS_PER_SECOND } from "@vigil/core/time";
import { calibrateScores } from "@vigil/detect/calibration";
import type { ScoreResult } from "@vigil/detect/detector";
import { rankChannels, scoredEvents } from "@vigil/detect/events";

const ts = BigInt64Array.from({ length: 12 }, (_, i) => BigInt(i) * NS_PER_SECOND);
const score = Float64Array.of(Number.NaN, 0, 1, 2, 3, 6, 7, 1, 0, 6, 0, 0);
const result: ScoreResult = {
  score,
  components: { error: score },
  channels: ["x", "y"],
  channelContributions: [score.map((v) => 0.25 * v), score.map((v) => 0.75 * v)],
};
const calibration = {
  threshold: 5,
  onsetLevel: 1.5,
  rule: "given",
  mergeGapSeconds: 0,
  minDurationSeconds: 0,
};

test("events carry steps, peak, an onset dated back to the onset level, and a channel ranking", () => {
  const events = scoredEvents(ts, result, calibration);
  assert.equal(events.length, 2);
  const [first, second] = events;
  assert.deepEqual([first!.first.step, first!.last.step, first!.peak.step, first!.peak.score], [5, 6, 6, 7]);
  assert.equal(first!.onset.step, 3, "the run above 1.5 leading into the event starts at step 3");
  assert.equal(first!.onset.timestamp, 3n * NS_PER_SECOND);
  assert.deepEqual(
    first!.ranking.map((r) => [r.channel, r.share]),
    [
      ["y", 0.75],
      ["x", 0.25],
    ],
  );
  assert.equal(second!.onset.step, 9, "a jump is its own onset");
  const merged = scoredEvents(ts, result, { ...calibration, mergeGapSeconds: 3 });
  assert.equal(merged.length, 1);
  assert.equal(merged[0]!.last.step, 9);
});

test("a ranking skips unscored steps and is all zero without contributions", () => {
  assert.deepEqual(
    rankChannels(
      { ...result, channelContributions: [Float64Array.of(Number.NaN, 1), Float64Array.of(3, 3)] },
      0,
      2,
    ),
    [
      { channel: "y", share: 6 / 7 },
      { channel: "x", share: 1 / 7 },
    ],
  );
  assert.ok(rankChannels(result, 10, 12).every((r) => r.share === 0));
});

test("calibration comes from training scores only: POT threshold above the onset level", () => {
  const train = Float64Array.from(
    { length: 2000 },
    (_, i) => Math.abs(Math.sin(i * 12.9898) * 43758.5453) % 1,
  );
  const c = calibrateScores(train, { mergeGapSeconds: 30 });
  assert.ok(c.onsetLevel > 0.97 && c.onsetLevel < 0.99, `the 98th percentile, got ${c.onsetLevel}`);
  assert.ok(c.threshold > c.onsetLevel);
  assert.equal(c.rule, "pot(risk=0.0001)");
  assert.equal(c.mergeGapSeconds, 30);
  assert.throws(() => calibrateScores(train, { mergeGapSecs: 1 } as never), /Unknown option "mergeGapSecs"/);
});

test("an event's phases: where the score's regime changed from its onset to its last alarming step", () => {
  // Normal scores, then a fault: a 40-step build-up to a plateau, a recovery ramp, and back to normal.
  const rng = { s: 7, next: () => (rng.s = (rng.s * 16807) % 2147483647) / 2147483647 };
  const noise = () => Math.exp(0.3 * (rng.next() + rng.next() + rng.next() - 1.5));
  const level = (i: number) =>
    i < 600 ? 1 : i < 640 ? 1 + (i - 600) * 0.5 : i < 900 ? 21 : i < 940 ? 21 - (i - 900) * 0.5 : 1;
  const n = 1200;
  const steps = BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * NS_PER_SECOND);
  const scores = Float64Array.from({ length: n }, (_, i) => level(i) * noise());
  const calibrated = calibrateScores(scores.subarray(0, 400));
  assert.ok(calibrated.regimes !== undefined);
  const one: ScoreResult = {
    score: scores,
    components: { error: scores },
    channels: ["x"],
    channelContributions: [scores],
  };
  const [event, ...rest] = scoredEvents(steps, one, calibrated);
  assert.equal(rest.length, 0);
  const phases = event!.phases.map((p) => p.step);
  assert.ok(
    phases.length >= 2 && phases.every((s) => s >= event!.onset.step && s <= event!.last.step),
    `${phases}`,
  );
  assert.ok(
    phases.some((s) => s >= 600 && s < 640),
    `a change in the build-up: ${phases}`,
  );
  assert.ok(
    phases.some((s) => s >= 880 && s < 940),
    `a change as the recovery starts: ${phases}`,
  );
  // A card calibrated before regime priors existed still gives events, without phases.
  const { regimes: _, ...older } = calibrated;
  assert.deepEqual(scoredEvents(steps, one, older)[0]!.phases, []);
});
