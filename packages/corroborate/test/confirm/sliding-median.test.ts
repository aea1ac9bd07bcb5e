import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "@vigil/core/random";
import { SlidingMedian } from "../../src/confirm/index.ts";

function sortedMedian(window: Float64Array): number {
  const s = window.slice().sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
}

/** Every median of a slide over x, against sorting a copy of each window. */
function assertSlides(x: Float64Array, w: number, label: string): void {
  const m = new SlidingMedian(w);
  m.reset(x, 0);
  for (let start = 0; start + w <= x.length; start++) {
    if (start > 0) m.advance();
    const expected = sortedMedian(x.subarray(start, start + w));
    assert.ok(Object.is(m.median(), expected) || m.median() === expected, `${label} w=${w} start=${start}`);
  }
}

test("equals the median of a sorted copy of every window: ties, drifts, jumps, ramps", () => {
  const rand = createRng(1).next;
  const n = 1500;
  const signals: Record<string, Float64Array> = {
    uniform: Float64Array.from({ length: n }, () => rand()),
    ties: Float64Array.from({ length: n }, () => Math.floor(rand() * 5)),
    constant: new Float64Array(n).fill(2),
    // A level shift halfway through forces the band to be rebuilt while the window straddles it.
    jumps: Float64Array.from({ length: n }, (_, i) => rand() + (i % 400 < 200 ? 0 : 50)),
    ramp: Float64Array.from({ length: n }, (_, i) => i + 0.5 * rand()),
    falling: Float64Array.from({ length: n }, (_, i) => -i - (i % 7)),
    infinite: Float64Array.from({ length: n }, (_, i) =>
      i % 5 === 0 ? Number.POSITIVE_INFINITY : i % 7 === 0 ? Number.NEGATIVE_INFINITY : rand(),
    ),
    zeros: Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : rand() - 0.5)),
  };
  // Windows shorter than the band (kept sorted whole), at its edge, and much longer.
  for (const w of [1, 2, 3, 4, 7, 64, 81, 82, 83, 84, 300, 601]) {
    for (const [label, x] of Object.entries(signals)) assertSlides(x, w, label);
  }
});

test("a median asked for only now and then is still exact (the band is rebuilt from scratch)", () => {
  const rand = createRng(5).next;
  const x = Float64Array.from(
    { length: 3000 },
    (_, i) => rand() + Math.floor(i / 500) * (i % 1000 < 500 ? 3 : -7),
  );
  for (const w of [90, 400]) {
    const m = new SlidingMedian(w);
    m.reset(x, 0);
    for (let start = 1; start + w <= x.length; start++) {
      m.advance();
      if (start % 173 === 0)
        assert.equal(m.median(), sortedMedian(x.subarray(start, start + w)), `w=${w} start=${start}`);
    }
  }
});

test("reset starts a window anywhere; lengths are validated", () => {
  const x = Float64Array.from({ length: 50 }, (_, i) => (i * 37) % 11);
  const m = new SlidingMedian(9);
  m.reset(x, 30);
  assert.equal(m.median(), sortedMedian(x.subarray(30, 39)));
  m.reset(x, 41);
  assert.equal(m.median(), sortedMedian(x.subarray(41, 50)));
  assert.throws(() => m.reset(x, 42), /start/);
  assert.throws(() => new SlidingMedian(0), /positive integer for windowLength/);
});
