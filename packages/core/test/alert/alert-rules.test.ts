import assert from "node:assert/strict";
import { test } from "node:test";
import { AlertTracker, type AlertTransition, detectAlerts } from "../../src/alert/index.ts";

const steps = (n: number) => BigInt64Array.from({ length: n }, (_, i) => BigInt(i));

test("hysteresis keeps an event open between the off and on levels", () => {
  const scores = [0, 6, 4, 4, 2, 0];
  assert.deepEqual(detectAlerts(steps(6), scores, { on: 5, off: 3 }), [
    { start: 1n, end: 3n, peakScore: 6, peakTime: 1n },
  ]);
  assert.deepEqual(detectAlerts(steps(6), scores, { on: 5 }), [
    { start: 1n, end: 1n, peakScore: 6, peakTime: 1n },
  ]);
});

test("minimum duration drops short blips", () => {
  const scores = [0, 6, 6, 6, 0, 7, 0];
  const events = detectAlerts(steps(7), scores, { on: 5, minDurationNs: 2n });
  assert.deepEqual(events, [{ start: 1n, end: 3n, peakScore: 6, peakTime: 1n }]);
});

test("a crossing within the merge gap continues the event; a later one starts a new event", () => {
  const scores = [6, 0, 0, 8, 0, 0, 0, 0, 6];
  assert.deepEqual(detectAlerts(steps(9), scores, { on: 5, mergeGapNs: 3n }), [
    { start: 0n, end: 3n, peakScore: 8, peakTime: 3n },
    { start: 8n, end: 8n, peakScore: 6, peakTime: 8n },
  ]);
  assert.equal(detectAlerts(steps(9), scores, { on: 5, mergeGapNs: 2n }).length, 3);
});

test("missing scores neither extend nor end an event; irregular times use real durations", () => {
  const ts = BigInt64Array.from([0n, 10n, 35n, 40n, 100n]);
  const scores = [6, Number.NaN, 6, 1, 1];
  assert.deepEqual(detectAlerts(ts, scores, { on: 5, minDurationNs: 30n }), [
    { start: 0n, end: 35n, peakScore: 6, peakTime: 0n },
  ]);
});

test("streaming: opened once, closed once, and an open event survives a restart", () => {
  const rules = { on: 5, off: 3, minDurationNs: 2n, mergeGapNs: 2n };
  const scores = [0, 6, 7, 9, 4, 0, 0, 0, 0, 6, 6, 6, 0, 0, 0, 0];
  const run = (cut: number | undefined): AlertTransition[] => {
    let tracker = new AlertTracker(rules);
    const out: AlertTransition[] = [];
    scores.forEach((s, i) => {
      if (i === cut) tracker = AlertTracker.fromJSON(JSON.parse(JSON.stringify(tracker)));
      out.push(...tracker.push(BigInt(i), s));
    });
    return out;
  };
  const uninterrupted = run(undefined);
  assert.deepEqual(
    uninterrupted.map((t) => `${t.type}@${t.event.start}-${t.event.end}`),
    ["opened@1-3", "closed@1-4", "opened@9-11", "closed@9-11"],
  );
  for (const cut of [3, 4, 6, 10]) assert.deepEqual(run(cut), uninterrupted, `restart at ${cut}`);
});

test("invalid rules, times and states are rejected", () => {
  assert.throws(() => new AlertTracker({}), /for on/);
  assert.throws(() => new AlertTracker({ on: 1, off: 2 }), /for off/);
  assert.throws(() => new AlertTracker({ on: 1, mergeGapNs: 5 as never }), /bigint/);
  const t = new AlertTracker({ on: 1 });
  t.push(5n, 0);
  assert.throws(() => t.push(4n, 0), /non-decreasing/);
  assert.throws(() => AlertTracker.fromJSON({ ...t.toJSON(), phase: "active" }), { code: "VIGIL_ERR_INPUT" });
});
