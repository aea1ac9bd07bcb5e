import assert from "node:assert/strict";
import { test } from "node:test";
import { minMaxDecimate } from "@vigil/core/plot";

test("min/max decimation keeps every spike, bounds the size and keeps time order", () => {
  const n = 100_000;
  const x = Float64Array.from({ length: n }, (_, i) => i);
  const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 500));
  y[31_337] = 50;
  y[77_000] = -50;
  const d = minMaxDecimate(x, y, 800);
  assert.ok(d.x.length <= 2 * 800 + 2, `${d.x.length} points`);
  assert.ok(d.x.includes(31_337) && d.y.includes(50));
  assert.ok(d.x.includes(77_000) && d.y.includes(-50));
  assert.equal(Math.max(...d.y), 50);
  assert.equal(Math.min(...d.y), -50);
  assert.ok(
    d.x.every((v, i) => i === 0 || v >= d.x[i - 1]!),
    "points stay in time order",
  );
});

test("missing values survive as gaps, never as extremes", () => {
  const n = 10_000;
  const x = Array.from({ length: n }, (_, i) => i);
  const y = x.map((i) => (i >= 4000 && i < 6000 ? Number.NaN : i % 7));
  y[123] = Number.NaN; // a single missing sample inside an otherwise full bucket
  const d = minMaxDecimate(x, y, 100);
  const gaps = d.x.filter((_, i) => Number.isNaN(d.y[i]!));
  assert.ok(
    gaps.some((v) => v < 200),
    "the lone missing sample still breaks the line",
  );
  assert.ok(gaps.filter((v) => v >= 4000 && v < 6000).length >= 10, "an all-missing stretch stays missing");
  assert.ok(!d.x.some((v, i) => v >= 4000 && v < 6000 && !Number.isNaN(d.y[i]!)), "nothing drawn in it");
  assert.equal(Math.max(...d.y.filter((v) => !Number.isNaN(v))), 6);
});

test("short series come back unchanged", () => {
  assert.deepEqual(minMaxDecimate([0, 1, 2], [3, Number.NaN, 5], 800), {
    x: [0, 1, 2],
    y: [3, Number.NaN, 5],
  });
  assert.deepEqual(minMaxDecimate([], [], 10), { x: [], y: [] });
});
