import assert from "node:assert/strict";
import { test } from "node:test";
import { fisherZTest } from "@vigil/causal/citest";
import type { DataMatrix } from "@vigil/causal/data";
import { federatedPc, privateSiteMessage, siteMessage, weightedFisherZ } from "@vigil/causal/federated";
import { formatEdges } from "@vigil/causal/graph";
import { compareGraphs } from "@vigil/causal/metrics";
import { pc } from "@vigil/causal/pc";
import { randomLinearSem, sampleLinearSem } from "@vigil/causal/simulate";

const sem = randomLinearSem({ variables: 10, expectedDegree: 2.5, seed: 77 });
const SIZES = [400, 800, 1500, 2500, 4000]; // 10× between the smallest and largest site
const sites: DataMatrix[] = SIZES.map((n, i) => sampleLinearSem(sem, n, 100 + i));
const central: DataMatrix = {
  names: sem.names,
  columns: sem.names.map((_, c) =>
    Float64Array.from(sites.flatMap((s) => [...(s.columns[c] as Float64Array)])),
  ),
};
const centralPc = pc(fisherZTest(central), central.names, { alpha: 0.01 });

test("exact pooling of sufficient statistics reproduces the centralised graph", () => {
  const fed = federatedPc(sites, { mode: "pooled", pc: { alpha: 0.01 } });
  assert.equal(formatEdges(fed.edges), formatEdges(centralPc.edges));
  const p = sem.names.length;
  assert.deepEqual(
    fed.bytesPerSite,
    SIZES.map(() => 8 * (1 + p + (p * (p + 1)) / 2)),
  );
  assert.equal(fed.privacy, undefined);
});

test("sample-size-weighted Fisher-z over 5 unequal sites stays within SHD 1 of centralised", () => {
  const fed = federatedPc(sites, { mode: "weighted", pc: { alpha: 0.01 } });
  assert.ok(compareGraphs(fed.graph, centralPc.graph).shd <= 1, formatEdges(fed.edges));
});

test("the weighted statistic is Σ mᵢ·atanh(rᵢ) / √Σ mᵢ", () => {
  const messages = sites.map(siteMessage);
  const t = weightedFisherZ(messages);
  const rs = messages.map((m) => {
    const p = sem.names.length;
    const c = m.correlation;
    const r01 = c[1] as number;
    const r02 = c[2] as number;
    const r12 = c[p + 2] as number;
    return (r01 - r02 * r12) / Math.sqrt((1 - r02 ** 2) * (1 - r12 ** 2));
  });
  const ms = SIZES.map((n) => n - 1 - 3);
  const expected = Math.abs(
    rs.reduce((s, r, i) => s + (ms[i] as number) * Math.atanh(r), 0) /
      Math.sqrt(ms.reduce((a, b) => a + b, 0)),
  );
  assert.ok(Math.abs(t.test(0, 1, [2]).statistic - expected) < 1e-9);
});

test("a heterogeneous site (shifted means) does not create spurious edges under weighting", () => {
  const shifted = sites.map((s, i) => ({
    names: s.names,
    columns: s.columns.map((c, j) => c.map((v) => v + 5 * i * (j % 3))),
  }));
  const weighted = federatedPc(shifted, { mode: "weighted", pc: { alpha: 0.01 } });
  assert.ok(compareGraphs(weighted.graph, centralPc.graph).shd <= 1);
});

test("DP messages report (ε, δ), noise σ = (2C²/n)·√(2 ln(1.25/δ))/ε, and refuse exact pooling", () => {
  const p = sem.names.length;
  const m = privateSiteMessage(sites[4] as DataMatrix, { epsilon: 0.5, delta: 1e-6, seed: 3 });
  const sigma = ((2 * p) / 4000) * (Math.sqrt(2 * Math.log(1.25 / 1e-6)) / 0.5);
  assert.ok(Math.abs((m.privacy?.sigma ?? 0) - sigma) < 1e-15);
  assert.equal(m.bytes, 8 * (1 + (p * (p + 1)) / 2));
  const exact = siteMessage(sites[4] as DataMatrix).correlation;
  const diffs = Array.from(m.correlation, (v, i) => v - (exact[i] as number)).filter(
    (_, i) => i % (p + 1) !== 0,
  );
  const rms = Math.sqrt(diffs.reduce((s, d) => s + d * d, 0) / diffs.length);
  assert.ok(rms > 0.2 * sigma && rms < 5 * sigma, `rms ${rms} vs sigma ${sigma}`);
  const fed = federatedPc(sites, {
    mode: "weighted",
    dp: { epsilon: 0.9, delta: 1e-5 },
    pc: { alpha: 0.01 },
  });
  assert.deepEqual(fed.privacy, { epsilon: 0.9, delta: 1e-5 });
  assert.throws(() => federatedPc(sites, { mode: "pooled", dp: {} }), /weightedFisherZ/);
  assert.throws(() => privateSiteMessage(sites[0] as DataMatrix, { epsilon: 2 }), /epsilon/);
});
