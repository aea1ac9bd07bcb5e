import assert from "node:assert/strict";
import { test } from "node:test";
import type { Series } from "@vigil/core";
import type { ScoredEvent } from "@vigil/detect";
import { anomalyPlot } from "../../src/plot/index.ts";

const T0 = 1_700_000_000n * 1_000_000_000n;
const n = 5000;
const timestamps = BigInt64Array.from({ length: n }, (_, i) => T0 + BigInt(i) * 60_000_000_000n);
const series: Series = {
  timestamps,
  channels: [
    { name: "flow <l/s>", kind: "flow" },
    { name: "temp", kind: "temperature" },
  ],
  values: [
    Float64Array.from({ length: n }, (_, i) => (i >= 1000 && i < 1100 ? Number.NaN : Math.sin(i / 50))),
    Float64Array.from({ length: n }, (_, i) => 20 + (i === 3210 ? 9 : 0)),
  ],
};
const score = Float64Array.from({ length: n }, (_, i) => (i >= 3200 && i < 3220 ? 5 : 0.1));
const step = (i: number) => ({ step: i, timestamp: timestamps[i]! });
const event: ScoredEvent = {
  first: step(3200),
  last: step(3219),
  onset: step(3195),
  peak: { ...step(3210), score: 5 },
  phases: [step(3200), step(3215)],
  ranking: [
    { channel: "temp", share: 0.9 },
    { channel: "flow <l/s>", share: 0.1 },
  ] as ScoredEvent["ranking"],
};
const plot = (channels: readonly string[]) =>
  anomalyPlot({
    title: "pump & valve",
    series,
    scores: { score },
    calibration: { threshold: 1.5 },
    events: [event],
    channels,
  });

test("the anomaly plot draws each signal, the score and threshold, and the event across all panels", () => {
  const svg = plot(["flow <l/s>", "temp"]);
  assert.match(svg, /^<\?xml[^>]*\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.equal(svg.match(/<g class="panel">/g)?.length, 3);
  assert.match(svg, /pump &amp; valve/);
  assert.match(svg, />flow &lt;l\/s&gt;</);
  assert.match(svg, />threshold 1\.500</);
  assert.match(svg, /stroke-dasharray="6,4"/, "the threshold is dashed");
  assert.match(
    svg,
    /<g class="event" id="event-1"><title>event 1: 2023-11-17T\d\d:\d\d:\d\dZ to [^<]*, onset [^<]*, peak 5\.000, top channels temp 90%, flow &lt;l\/s&gt; 10%<\/title>(<rect[^>]*\/>){3}<\/g>/,
  );
  assert.match(svg, /time \(UTC\) from 2023-11-14T22:13:20Z/);
  assert.match(svg, /d="M[^"]*M/, "the missing stretch of flow breaks its line");
  assert.equal(svg.match(/<circle[^>]*fill="#ff7f0e"/g)?.length, 2, "one dot per phase change");
  assert.match(svg, />score phase changes</);
  assert.ok(!/NaN|Infinity/.test(svg));
});

test("a one-minute series of five thousand steps stays small and keeps its spike", () => {
  const svg = plot(["temp"]);
  assert.ok(svg.length < 60_000, `${svg.length} bytes`);
  const path = svg.match(/<path d="([^"]*)"[^>]*stroke="#1f77b4"/)![1]!;
  const ys = [...path.matchAll(/,([\d.]+)/g)].map((m) => Number(m[1]));
  // The one-sample spike survives thinning and reaches the top of the padded axis (panel top is 44 px).
  assert.ok(Math.min(...ys) < 52, `highest point at ${Math.min(...ys)} px`);
});

test("an unknown channel is rejected, listing the known ones", () => {
  assert.throws(
    () => plot(["pressure"]),
    /--channels to name channels of the data \(flow <l\/s>, temp\).*"pressure"/,
  );
});
