import assert from "node:assert/strict";
import { test } from "node:test";
import type { Series } from "@vigil/core";
import { createRng } from "@vigil/core/random";
import {
  duplicateRowMask,
  filterBeamQuality,
  kickedPulseMask,
  rateMask,
  realValuedSegments,
} from "../../src/quality/index.ts";

const PERIOD = 8_333_333n;

function beam(n: number, edit?: (t: bigint[], tmit: number[], pos: number[]) => void): Series {
  const t = Array.from({ length: n }, (_, i) => BigInt(i) * PERIOD);
  const tmit = Array.from({ length: n }, (_, i) => 1e9 + (i % 7));
  const pos = Array.from({ length: n }, (_, i) => Math.sin(i));
  edit?.(t, tmit, pos);
  return {
    timestamps: BigInt64Array.from(t),
    channels: [
      { name: "B:TMIT", kind: "charge" },
      { name: "B:X", kind: "position" },
    ],
    values: [Float64Array.from(tmit), Float64Array.from(pos)],
  };
}

test("rate mask and duplicate rows (Appendix C)", () => {
  const s = beam(5, (t) => t.splice(3, 0, t[2]! + 1000n));
  const mask = rateMask(s.timestamps, 120, 2.5e-4);
  assert.deepEqual([...mask], [1, 1, 1, 0, 1, 1]);
  // Row 3 is stamped at Δt ≈ 0 but its values differ from row 2's: not a duplicate.
  assert.equal(duplicateRowMask(s, 2.5e-4).removed, 0);
  const d = beam(5);
  const dup: Series = {
    ...d,
    timestamps: BigInt64Array.of(0n, PERIOD, PERIOD + 1000n, 2n * PERIOD),
    values: [Float64Array.of(1, 2, 2, 3), Float64Array.of(4, 5, 5, 6)],
  };
  assert.deepEqual([...duplicateRowMask(dup, 2.5e-4).keep], [1, 1, 0, 1]);
});

test("kicked pulses are single lost pulses; a long beam loss stays", () => {
  const tmit = Float64Array.from({ length: 40 }, () => 1e9);
  tmit[5] = 1e6;
  tmit[20] = 1e6;
  tmit[21] = 1e6;
  for (let i = 30; i < 38; i++) tmit[i] = 1e6;
  const { keep, removed } = kickedPulseMask([tmit], 1e8, 2);
  assert.equal(removed, 3);
  assert.deepEqual(
    [5, 20, 21, 30].map((i) => keep[i]),
    [0, 0, 0, 1],
  );
});

test("filterBeamQuality repairs duplicates, drops a wrong-rate period and kicks, and reports each", () => {
  const n = 6000;
  const s = beam(n, (t, tmit) => {
    for (let i = 3000; i < 3600; i++) if (i % 3 === 0) t[i] = -1n; // lose a third of the rows
    for (let i = 100; i < 5000; i += 500) tmit[i] = 1e5;
  });
  const keep = Array.from(s.timestamps, (x) => x >= 0n);
  const rows = keep.flatMap((k, i) => (k ? [i] : []));
  const withDup = rows.flatMap((i) => (i >= 1000 && i < 1200 ? [i, i] : [i]));
  const series: Series = {
    ...s,
    timestamps: BigInt64Array.from(
      withDup,
      (i, k) => s.timestamps[i]! + (k > 0 && withDup[k - 1] === i ? 1000n : 0n),
    ),
    values: s.values.map((c) => Float64Array.from(withDup, (i) => c[i]!)),
  };
  const r = filterBeamQuality(series);
  assert.deepEqual(
    r.steps.map((x) => x.step),
    ["duplicate-rows", "bad-rate-periods", "kicked-pulses"],
  );
  assert.equal(r.steps[0]!.removedRows, 200);
  assert.equal(r.droppedPeriods.length, 1);
  const p = r.droppedPeriods[0]!;
  assert.ok(
    Math.abs(Number(p.start / PERIOD) - 3000) < 30 && Math.abs(Number(p.end / PERIOD) - 3600) < 30,
    `${p.start / PERIOD}-${p.end / PERIOD}`,
  );
  // Kicks outside the dropped period: 100, 600, …, 4600 minus the one at 3100 inside it.
  assert.equal(r.steps[2]!.removedRows, 9);
});

test("Normal-Gamma BOCPD splits a charge signal into its steady periods", () => {
  const rng = createRng(17);
  // 1 Hz charge readings: 2.5e9, then 1.8e9 from sample 300, then 2.5e9 again from 700; 1 % noise.
  const levels = (i: number) => (i >= 300 && i < 700 ? 1.8e9 : 2.5e9);
  const x = Float64Array.from({ length: 1000 }, (_, i) => levels(i) * (1 + 0.01 * rng.normal()));
  const segments = realValuedSegments(x);
  assert.equal(segments.length, 3, JSON.stringify(segments));
  assert.ok(Math.abs(segments[1]!.from - 300) <= 2 && Math.abs(segments[2]!.from - 700) <= 2);
  assert.ok(Math.abs(segments[1]!.mean / 1.8e9 - 1) < 0.005);
});
