import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CRYO_CHANNEL_SPECS,
  CRYO_CHANNELS,
  CRYO_EDGES,
  CRYO_NOISE_STD,
  cryoObservationalSample,
  dagDescendants,
  dagEdgesCsv,
} from "../../src/simulate/index.ts";

const N = 10_000;
const { series, dag } = cryoObservationalSample({ seed: 4, rows: N });
/** Back to standardised units. */
const z = series.values.map((column, c) =>
  column.map((v) => (v - CRYO_CHANNEL_SPECS[c]!.setPoint) / CRYO_CHANNEL_SPECS[c]!.spread),
);

function correlation(a: Float64Array, b: Float64Array): number {
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    sa += a[i]!;
    sb += b[i]!;
  }
  const ma = sa / a.length;
  const mb = sb / b.length;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

const std = (a: Float64Array): number => {
  const mean = a.reduce((s, v) => s + v, 0) / a.length;
  return Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length);
};

test("the DAG: 11 channels, 13 edges with standardised |weight| ≥ 0.35, acyclic in channel order, as CSV", () => {
  assert.equal(series.channels.length, 11);
  assert.equal(dag.length, 13);
  for (const e of CRYO_EDGES) {
    assert.ok(Math.abs(e.weight) >= 0.35);
    assert.ok(
      CRYO_CHANNELS.indexOf(e.from) < CRYO_CHANNELS.indexOf(e.to),
      `${e.from} → ${e.to} follows the order`,
    );
  }
  const csv = dagEdgesCsv(dag).split("\n");
  assert.equal(csv[0], "from,to");
  assert.equal(csv[1], "cooling_water_flow,cooling_water_temp");
  assert.equal(csv.length, 15);
});

test("every channel has unit variance in standardised units", () => {
  for (const [c, column] of z.entries()) {
    assert.ok(Math.abs(std(column) - 1) < 0.05, `${CRYO_CHANNELS[c]}: σ = ${std(column)}`);
  }
});

test("local Markov property: each structural residual is independent of the channel's non-descendants", () => {
  // 4 / √N ≈ 0.04: a correlation of 0 would exceed it with probability ~6e-5 per pair.
  const bound = 4 / Math.sqrt(N);
  for (const [c, name] of CRYO_CHANNELS.entries()) {
    const residual = z[c]!.slice();
    for (const e of CRYO_EDGES.filter((x) => x.to === name)) {
      const parent = z[CRYO_CHANNELS.indexOf(e.from)]!;
      for (let i = 0; i < N; i++) residual[i]! -= e.weight * parent[i]!;
    }
    assert.ok(Math.abs(std(residual) - CRYO_NOISE_STD[c]!) < 0.03, `${name}: noise σ`);
    const below = dagDescendants(dag, name);
    for (let other = 0; other < CRYO_CHANNELS.length; other++) {
      if (other === c || below.has(CRYO_CHANNELS[other]!)) continue;
      const r = correlation(residual, z[other]!);
      assert.ok(Math.abs(r) < bound, `${name} residual vs ${CRYO_CHANNELS[other]}: r = ${r.toFixed(3)}`);
    }
  }
});

test("is deterministic for a seed", () => {
  assert.deepEqual(
    cryoObservationalSample({ seed: 4, rows: 50 }).series.values,
    series.values.map((v) => v.subarray(0, 50)),
  );
  assert.notDeepEqual(
    cryoObservationalSample({ seed: 5, rows: 50 }).series.values[0],
    series.values[0]!.subarray(0, 50),
  );
  assert.throws(() => cryoObservationalSample({ rows: 0 }), /positive integer for rows/);
});
