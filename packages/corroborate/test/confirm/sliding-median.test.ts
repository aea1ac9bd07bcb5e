import assert from "node:assert/strict";
import { test } from "node:test";
import { SlidingMedian } from "../../src/confirm/index.ts";

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

test("equals the median of the last w values (sorted copy), ties included", () => {
  const rand = lcg(1);
  for (const w of [1, 2, 3, 4, 7, 64]) {
    const m = new SlidingMedian(w);
    const xs: number[] = [];
    for (let i = 0; i < 1500; i++) {
      const x = Math.floor(rand() * 20) - (i % 300 < 150 ? 0 : 30);
      xs.push(x);
      m.push(x);
      const win = xs.slice(-w).sort((a, b) => a - b);
      const k = win.length >> 1;
      const expected = win.length % 2 ? win[k]! : (win[k - 1]! + win[k]!) / 2;
      assert.equal(m.median(), expected, `w=${w} i=${i}`);
    }
    assert.equal(m.full, true);
  }
});

test("empty window has no median; capacity must be a positive integer", () => {
  assert.ok(Number.isNaN(new SlidingMedian(3).median()));
  assert.throws(() => new SlidingMedian(0), /positive integer for capacity/);
});
