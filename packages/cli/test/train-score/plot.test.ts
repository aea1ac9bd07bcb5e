import assert from "node:assert/strict";
import { test } from "node:test";
import { formatTick, minMaxDecimate, niceTicks, renderTimeChart, timeTicks } from "../../src/plot/index.ts";

test("numeric ticks are round and cover the range", () => {
  assert.deepEqual(niceTicks(0.3, 9.7, 5), [2, 4, 6, 8]);
  assert.deepEqual(niceTicks(-1, 1, 4), [-1, -0.5, 0, 0.5, 1]);
  assert.deepEqual(niceTicks(5, 5), [5]);
  assert.equal(formatTick(0.5, 0.5), "0.5");
  assert.equal(formatTick(1500, 500), "1500");
  assert.equal(formatTick(2e-5, 1e-5), "2.0e-5");
});

test("time ticks fall on calendar steps and label only what changes", () => {
  const start = Date.UTC(2024, 0, 1, 10, 3, 7) / 1000;
  const minutes = timeTicks(start, start + 3600);
  assert.deepEqual(
    minutes.map((t) => t.label),
    ["10:10", "10:20", "10:30", "10:40", "10:50", "11:00"],
  );
  assert.ok(minutes.every((t) => t.seconds % 600 === 0));
  assert.deepEqual(
    timeTicks(start, start + 30).map((t) => t.label),
    ["10:03:10", "10:03:15", "10:03:20", "10:03:25", "10:03:30", "10:03:35"],
  );
  assert.equal(timeTicks(start, start + 10 * 86_400)[0]!.label, "2024-01-02");
});

test("min/max decimation keeps every spike and every gap, and bounds the size", () => {
  const n = 100_000;
  const x = Float64Array.from({ length: n }, (_, i) => i);
  const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 500));
  y[31_337] = 50;
  y[77_000] = -50;
  y[50_000] = Number.NaN;
  const d = minMaxDecimate(x, y, 800);
  assert.ok(d.x.length <= 2 * 800 + 2, `${d.x.length} points`);
  assert.ok(d.y.includes(50) && d.y.includes(-50));
  assert.ok(d.x.includes(31_337) && d.x.includes(77_000));
  assert.ok(d.y.some(Number.isNaN), "the missing value still breaks the line");
  assert.ok(
    d.x.every((v, i) => i === 0 || v >= d.x[i - 1]!),
    "points stay in time order",
  );
  const short = minMaxDecimate([0, 1, 2], [3, 4, 5], 800);
  assert.deepEqual(short, { x: [0, 1, 2], y: [3, 4, 5] });
});

test("a chart escapes names and breaks lines at missing values", () => {
  const svg = renderTimeChart({
    title: "a <b> & c",
    seconds: [0, 1, 2, 3],
    panels: [{ title: "p", lines: [{ name: "x<y", y: [1, Number.NaN, 2, 3], color: "#000" }] }],
    spans: [{ start: 1, end: 2, label: 'say "hi"' }],
  });
  assert.match(svg, /a &lt;b&gt; &amp; c/);
  assert.match(svg, />x&lt;y</);
  assert.match(svg, /<title>say &quot;hi&quot;<\/title>/);
  assert.match(svg, /d="M[\d.]+,[\d.]+M[\d.]+,[\d.]+L/, "the gap starts a new subpath");
});
