import assert from "node:assert/strict";
import { test } from "node:test";
import type { Series } from "@vigil/core";
import { eventSvg, prCurveSvg, precisionRecallCurve, stationHistogramSvg } from "@vigil/corroborate";

const S = 1_000_000_000n;
const T0 = 1_600_000_000n * S;

test("the PR curve plot shows the curve, the random classifier and the best-F1 point", () => {
  const { points, best } = precisionRecallCurve(
    Float64Array.from([0.9, 0.8, 0.7, 0.4, 0.3, 0.1]),
    Uint8Array.from([1, 1, 0, 1, 0, 0]),
  );
  const svg = prCurveSvg(points, best, 0.5, "AMPL <candidates> & beam");
  assert.match(svg, /AMPL &lt;candidates&gt; &amp; beam/);
  assert.match(svg, new RegExp(`best F1 ${best.f1.toFixed(3)} at τ = ${best.threshold.toFixed(3)}`));
  for (const name of ["beam corroboration", "random classifier", "best F1"])
    assert.match(svg, new RegExp(`>${name}<`));
  assert.equal(svg.match(/<circle/g)?.length, 1, "one marker at the best point");
  assert.match(svg, />recall</);
  assert.match(svg, />precision</);
});

test("the station histogram stacks each source's anomalies per bin", () => {
  const hour = 3600n * S;
  const svg = stationHistogramSvg(
    "KLYS:LI24:81",
    [
      { source: "AMPL", times: [T0 + 10n * S, T0 + 20n * S, T0 + 2n * hour], color: "#c0392b" },
      { source: "AMM", times: [T0 + 30n * S], color: "#2e86c1" },
    ],
    T0,
    3600,
    "hour",
  );
  assert.match(svg, /KLYS:LI24:81: confirmed anomalies per hour/);
  assert.match(svg, />hours since start</);
  // AMPL: bins 0 and 2 (the empty bin 1 draws nothing), plus its legend swatch; AMM: bin 0 and swatch.
  assert.equal(svg.match(/<rect[^>]*fill="#c0392b"/g)?.length, 3);
  assert.equal(svg.match(/<rect[^>]*fill="#2e86c1"/g)?.length, 2);
  assert.match(svg, /text-anchor="end">3\.0</, "the stack of bin 0 reaches 3");
});

test("the event view draws the diagnostic as steps, keeps beam gaps and shades the window", () => {
  const n = 200;
  const beam: Series = {
    timestamps: BigInt64Array.from({ length: n }, (_, i) => T0 - 15n * S + BigInt(i) * 100_000_000n),
    channels: [
      { name: "BPMS:LTUH:250:X", kind: "position" },
      { name: "BPMS:LTUH:250:TMIT", kind: "charge" },
    ],
    values: [
      Float64Array.from({ length: n }, (_, i) => (i === 50 ? 500 : i > 150 ? 8 : 0.1)),
      Float64Array.from({ length: n }, (_, i) => (i > 150 && i < 170 ? 0 : 1e9)),
    ],
  };
  const svg = eventSvg({
    title: "fault at KLYS:LI24:81",
    diagnostic: {
      timestampsNs: BigInt64Array.from([T0 - 60n * S, T0 - 3n * S, T0 - 2n * S, T0 + 60n * S]),
      values: Float64Array.from([55, Number.NaN, 21, 30]),
    },
    diagnosticName: "AMPL (MV)",
    beam,
    window: { start: T0 - 5n * S, end: T0 },
    fromSeconds: -15,
  });
  assert.equal(svg.match(/<g class="panel">/g)?.length, 3);
  const diagnostic = svg.match(/<path d="([^"]*)"[^>]*stroke="#c0392b"/)![1]!;
  assert.match(diagnostic, /^M70,[\d.]+H[\d.]+V[\d.]+H790V[\d.]+$/, "held from the view's start to its end");
  const position = svg.match(/<path d="([^"]*)"[^>]*stroke="#1f77b4"/g)![0]!;
  assert.equal(position.match(/M/g)?.length, 2, "the saturated reading breaks the position line");
  assert.match(svg, />BPMS:LTUH:250:TMIT</);
  assert.match(
    svg,
    /<g class="anomaly-window"><title>implied anomaly window<\/title>(<rect[^>]*\/>){3}<\/g>/,
  );
  assert.match(svg, />seconds relative to the candidate's end</);
});
