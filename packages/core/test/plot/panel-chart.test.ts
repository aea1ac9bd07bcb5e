import assert from "node:assert/strict";
import { test } from "node:test";
import { type PanelChart, renderPanelChart } from "@vigil/core/plot";
import { assertWellFormedXml } from "../helpers/xml.ts";

test("a time chart escapes names, breaks lines at gaps and shades bands in every panel", () => {
  const t0 = Date.UTC(2024, 0, 1) / 1000;
  const x = [0, 60, 120, 180].map((s) => t0 + s);
  const svg = renderPanelChart({
    title: "a <b> & c",
    x: { kind: "time" },
    panels: [
      { title: "p1", lines: [{ name: "x<y", x, y: [1, Number.NaN, 2, 3], color: "#000" }] },
      { title: "p2", lines: [{ name: "z", x, y: [0, 0, 0, 0], color: "#00f", dashed: true }] },
    ],
    bands: [{ start: t0 + 60, end: t0 + 120, label: 'say "hi"', id: "event-1", className: "event" }],
  });
  assertWellFormedXml(svg);
  assert.match(svg, /a &lt;b&gt; &amp; c/);
  assert.match(svg, />x&lt;y</);
  assert.match(
    svg,
    /<g class="event" id="event-1"><title>say &quot;hi&quot;<\/title>(<rect[^>]*\/>){2}<\/g>/,
  );
  assert.match(svg, /d="M[\d.]+,[\d.]+M[\d.]+,[\d.]+L/, "the gap starts a new subpath");
  assert.match(svg, />00:01:00</);
  assert.match(svg, /time \(UTC\) from 2024-01-01T00:00:00Z/);
  assert.match(svg, /stroke-dasharray="6,4"/);
  assert.ok(!svg.includes("NaN"));
});

test("stacked bars start at zero, and a fixed domain is kept", () => {
  const svg = renderPanelChart({
    x: { kind: "linear", label: "bin", domain: [0, 3] },
    panels: [
      {
        title: "counts",
        yLabel: "n",
        bars: [
          { name: "a", x: [0, 1, 2], height: [1, 0, 2], width: 1, color: "#f00" },
          { name: "b", x: [0, 1, 2], height: [1, 3, 0], width: 1, color: "#00f" },
        ],
      },
    ],
  });
  assertWellFormedXml(svg);
  assert.equal(svg.match(/<rect[^>]*fill="#f00"/g)?.length, 3, "two bars and a legend swatch");
  assert.equal(svg.match(/<rect[^>]*fill="#00f"/g)?.length, 3);
  assert.match(svg, /text-anchor="end">0</, "the y axis starts at 0");
  assert.match(svg, /text-anchor="middle">3\.0</, "the x axis ends at the fixed domain");
});

test("long series are thinned; empty, constant and all-missing series still draw", () => {
  const n = 50_000;
  const x = Float64Array.from({ length: n }, (_, i) => i);
  const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
  const big = renderPanelChart({
    x: { kind: "linear" },
    panels: [{ title: "p", lines: [{ name: "s", x, y, color: "#000" }] }],
  });
  assert.ok(big.length < 40_000, `${big.length} bytes`);
  const odd: PanelChart = {
    x: { kind: "time" },
    panels: [
      { title: "empty", lines: [{ name: "e", x: [], y: [], color: "#000" }] },
      { title: "constant", lines: [{ name: "c", x: [5], y: [7], color: "#000" }] },
      { title: "missing", lines: [{ name: "m", x: [5, 6], y: [Number.NaN, Number.NaN], color: "#000" }] },
    ],
  };
  const svg = renderPanelChart(odd);
  assertWellFormedXml(svg);
  assert.ok(!/NaN|Infinity/.test(svg));
});

test("bad input is rejected with the name of what is wrong", () => {
  const line = { name: "s", x: [1, 2], y: [1], color: "#000" };
  assert.throws(
    () => renderPanelChart({ x: { kind: "linear" }, panels: [{ title: "p", lines: [line] }] }),
    /series "s"/,
  );
  assert.throws(
    () => renderPanelChart({ x: { kind: "linear" }, panels: [] }),
    /at least one panel for panels/,
  );
  assert.throws(
    () => renderPanelChart({ x: { kind: "linear" }, panels: [{ title: "p" }], width: 10 }),
    /width/,
  );
});
