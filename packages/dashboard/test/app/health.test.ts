import assert from "node:assert/strict";
import { test } from "node:test";
import { liveHealth } from "../../src/app/health.ts";

test("liveHealth: alarm at or above the threshold, warning for open events, unknown without a score", () => {
  assert.equal(liveHealth(3.2, 3, 0), "alarm");
  assert.equal(liveHealth(3, 3, 0), "alarm");
  assert.equal(liveHealth(1, 3, 2), "warning");
  assert.equal(liveHealth(1, 3, 0), "ok");
  assert.equal(liveHealth(undefined, undefined, 0), "unknown");
  assert.equal(liveHealth(undefined, 3, 1), "warning");
});
