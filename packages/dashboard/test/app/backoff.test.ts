import assert from "node:assert/strict";
import { test } from "node:test";
import { reconnectDelay } from "../../src/app/backoff.ts";

test("reconnectDelay doubles from the initial wait up to the ceiling", () => {
  const middle = 0.5; // no jitter at the middle of the random range
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => reconnectDelay(attempt, middle)),
    [500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000],
  );
});

test("reconnectDelay spreads retries by the jitter fraction", () => {
  assert.equal(reconnectDelay(2, 0), 1600);
  assert.equal(reconnectDelay(2, 0.999_999), 2400);
  assert.equal(reconnectDelay(0, 0, { initialMs: 100, jitter: 0 }), 100);
});
