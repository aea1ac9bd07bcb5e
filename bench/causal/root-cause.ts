/**
 * Causal root-cause ranking on the cryogenic simulator's faults (known root channel): top-1 / top-3 of
 * rankRootCauses with the true DAG and with a DAG-free PC-stable CPDAG learned from 10,000 healthy rows,
 * against the detector-style attribution that ranks channels by their own anomaly evidence alone.
 * Evidence of a channel = |median(event) − median(baseline)| / σ̂_MAD(baseline), baseline = the 24 h before
 * onset, event = the second quarter ("early") or the last quarter ("late") of the fault window.
 * Run: node --import tsx bench/causal/root-cause.ts
 */

import { fisherZTest, matrixFromSeries, Pdag, pc, rankRootCauses } from "@vigil/causal";
import type { Series } from "@vigil/core";
import { medianAndMad } from "@vigil/core/stats";
import { cryoObservationalSample, simulateCryoFleet } from "@vigil/data/simulate";

const DAY_NS = 86_400_000_000_000n;
const THRESHOLD = 3;

function windowValues(series: Series, channel: number, from: bigint, to: bigint): number[] {
  const out: number[] = [];
  const column = series.values[channel] as Float64Array;
  series.timestamps.forEach((t, i) => {
    const v = column[i] as number;
    if (t >= from && t < to && !Number.isNaN(v)) out.push(v);
  });
  return out;
}

const fleet = simulateCryoFleet(
  { sites: 4, magnetsPerSite: 3, days: 21, faultsPerMagnet: 2 },
  (done, total) => {
    process.stderr.write(`\rsimulating magnet ${done}/${total}`);
  },
);
process.stderr.write("\n");
const names = fleet.magnets[0]?.series.channels.map((c) => c.name) ?? [];
const trueDag = Pdag.fromEdges(
  names,
  fleet.dag.map((e) => ({ ...e, kind: "directed" as const })),
);
const healthy = matrixFromSeries(cryoObservationalSample({ rows: 10_000, seed: 2 }).series);
const learned = pc(fisherZTest(healthy), healthy.names, { alpha: 0.01 }).graph;

for (const phase of ["early", "late"] as const) {
  const hits = { evidence: [0, 0], "causal (true DAG)": [0, 0], "causal (learned CPDAG)": [0, 0] } as Record<
    string,
    [number, number]
  >;
  let events = 0;
  for (const magnet of fleet.magnets) {
    for (const fault of magnet.faults) {
      const quarter = (fault.failureNs - fault.onsetNs) / 4n;
      const eventStart = phase === "early" ? fault.onsetNs + quarter : fault.failureNs - quarter;
      const eventEnd = phase === "early" ? fault.onsetNs + 2n * quarter : fault.failureNs;
      const evidence: Record<string, number> = {};
      names.forEach((name, c) => {
        const base = windowValues(magnet.series, c, fault.onsetNs - DAY_NS, fault.onsetNs);
        const now = windowValues(magnet.series, c, eventStart, eventEnd);
        if (base.length < 10 || now.length < 3) return;
        const b = medianAndMad(base, { scaled: true });
        evidence[name] = Math.abs(medianAndMad(now).median - b.median) / (b.mad || 1e-12);
      });
      if (Object.keys(evidence).length !== names.length) continue;
      events++;
      const rankings: Record<string, string[]> = {
        evidence: [...names].sort((a, b) => (evidence[b] as number) - (evidence[a] as number)),
        "causal (true DAG)": rankRootCauses(trueDag, evidence, { threshold: THRESHOLD }).map(
          (r) => r.channel,
        ),
        "causal (learned CPDAG)": rankRootCauses(learned, evidence, { threshold: THRESHOLD }).map(
          (r) => r.channel,
        ),
      };
      for (const [method, order] of Object.entries(rankings)) {
        const at = order.indexOf(fault.rootCause);
        const h = hits[method] as [number, number];
        if (at === 0) h[0]++;
        if (at >= 0 && at < 3) h[1]++;
      }
    }
  }
  console.log(
    `${phase} window: ${events} fault events (${fleet.magnets.length} magnets), anomalous = evidence ≥ ${THRESHOLD} robust z`,
  );
  for (const [method, [top1, top3]] of Object.entries(hits)) {
    console.log(
      `  ${method.padEnd(24)} top-1 ${top1}/${events} (${((100 * top1) / events).toFixed(0)}%)  top-3 ${top3}/${events} (${((100 * top3) / events).toFixed(0)}%)`,
    );
  }
}
