import assert from "node:assert/strict";
import { test } from "node:test";
import { SlidingWindow } from "../../src/app/sliding-window.ts";

test("SlidingWindow keeps the newest rows in order across many slides", () => {
  const window = new SlidingWindow(3, 2);
  for (let t = 1; t <= 10; t++) window.push(t, [t * 10, -t]);
  assert.equal(window.length, 3);
  assert.equal(window.lastTime, 10);
  assert.deepEqual(window.toColumns(), [
    [8, 9, 10],
    [80, 90, 100],
    [-8, -9, -10],
  ]);
});

test("SlidingWindow stores missing and non-finite values as gaps", () => {
  const window = new SlidingWindow(4, 3);
  window.push(1, [1, null, Number.NaN]);
  window.push(2, [undefined, Number.POSITIVE_INFINITY, 3]);
  assert.deepEqual(window.toColumns(), [
    [1, 2],
    [1, null],
    [null, null],
    [null, 3],
  ]);
});

test("SlidingWindow ignores rows that are not newer than the newest, keeping times ascending", () => {
  const window = new SlidingWindow(5, 1);
  assert.equal(window.push(10, [1]), true);
  assert.equal(window.push(20, [2]), true);
  assert.equal(window.push(20, [99]), false);
  assert.equal(window.push(15, [99]), false);
  assert.equal(window.push(30, [3]), true);
  assert.deepEqual(window.toColumns(), [
    [10, 20, 30],
    [1, 2, 3],
  ]);
});

test("SlidingWindow drops rows older than a time and clears", () => {
  const window = new SlidingWindow(10, 1);
  for (let t = 0; t < 6; t++) window.push(t * 100, [t]);
  window.dropBefore(250);
  assert.deepEqual(window.toColumns(), [
    [300, 400, 500],
    [3, 4, 5],
  ]);
  window.clear();
  assert.equal(window.length, 0);
  assert.equal(window.lastTime, undefined);
  assert.deepEqual(window.toColumns(), [[], []]);
});

test("SlidingWindow rejects a capacity that is not a positive integer", () => {
  assert.throws(() => new SlidingWindow(0, 1), /positive integer for capacity/);
  assert.throws(() => new SlidingWindow(2.5, 1), /positive integer for capacity/);
});
