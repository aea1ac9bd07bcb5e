/**
 * Causal root-cause ranking fed with a real detector's evidence, against that detector's own attribution, on
 * the cryogenic simulator's faults (known root channel). Protocol of bench/detect/cryo-root-cause.ts: per fault
 * mode and seed, a VAE is trained on the normal period and the fault period [onset, failure) is attributed;
 * the VAE ranks channels by their share of the reconstruction error. The causal ranking (rankRootCauses) takes
 * evidence = share × channels (1 = a uniform share; anomalous above 1) and a graph: the simulator's true DAG,
 * or a PC-stable Fisher-z CPDAG learned from 10,000 healthy rows (cryoObservationalSample, seed 2).
 * Run: nice node --import tsx bench/causal/root-cause-vae.ts [seeds=3] [epochs=30]
 */
import { fisherZTest, matrixFromSeries, Pdag, pc, rankRootCauses } from "@vigil/causal";
import { lowerBound, sliceByTime } from "@vigil/core/series";
import { CRYO_FAULT_MODES, cryoObservationalSample, simulateCryoFleet } from "@vigil/data/simulate";
import { attributeEvent } from "@vigil/detect/attribution";
import { VaeDetector } from "@vigil/detect/vae";

const seeds = Number(process.argv[2] ?? 3);
const epochs = Number(process.argv[3] ?? 30);
const HOUR = 3_600_000_000_000n;
const METHODS = ["VAE attribution", "causal (true DAG)", "causal (learned CPDAG)"] as const;

const healthy = matrixFromSeries(cryoObservationalSample({ rows: 10_000, seed: 2 }).series);
const learned = pc(fisherZTest(healthy), healthy.names, { alpha: 0.01 }).graph;
const ranks: Record<string, { mode: string; rank: number }[]> = Object.fromEntries(
  METHODS.map((m) => [m, []]),
);
let channels = 0;

for (const mode of CRYO_FAULT_MODES) {
  let seed = 0;
  for (let found = 0; found < seeds; ) {
    seed++;
    const fleet = simulateCryoFleet({
      seed,
      sites: 1,
      magnetsPerSite: 1,
      days: 10,
      baseSampleSeconds: 60,
      faultModes: [mode],
    });
    const magnet = fleet.magnets[0];
    const fault = magnet?.faults[0];
    if (magnet === undefined || fault === undefined) continue;
    const series = magnet.series;
    if (fault.onsetNs - (series.timestamps[0] as bigint) < 36n * HOUR) continue;
    found++;
    const names = series.channels.map((c) => c.name);
    channels = names.length;
    const trueDag = Pdag.fromEdges(
      names,
      fleet.dag.map((e) => ({ ...e, kind: "directed" as const })),
    );
    const detector = new VaeDetector({ epochs, windowLength: 32, trainStride: 4, seed });
    await detector.fit(sliceByTime(series, { to: fault.onsetNs - 12n * HOUR }));
    const scores = await detector.score(series);
    const explanation = await attributeEvent(detector, series, {
      start: lowerBound(series.timestamps, fault.onsetNs),
      end: lowerBound(series.timestamps, fault.failureNs),
      threshold: Number.POSITIVE_INFINITY,
      scores,
      integratedSteps: 8,
    });
    detector.dispose();
    const evidence = Object.fromEntries(explanation.ranking.map((c) => [c.channel, c.errorShare * channels]));
    const orders: Record<string, string[]> = {
      "VAE attribution": explanation.ranking.map((c) => c.channel),
      "causal (true DAG)": rankRootCauses(trueDag, evidence).map((r) => r.channel),
      "causal (learned CPDAG)": rankRootCauses(learned, evidence).map((r) => r.channel),
    };
    for (const method of METHODS)
      ranks[method]?.push({ mode, rank: (orders[method] as string[]).indexOf(fault.rootCause) + 1 });
    console.error(
      `${mode} seed ${seed}: root ${fault.rootCause}; ranks ${METHODS.map((m) => `${m} ${ranks[m]?.at(-1)?.rank}`).join(", ")}`,
    );
  }
}

const share = (rows: { rank: number }[], k: number): string =>
  `${rows.filter((r) => r.rank > 0 && r.rank <= k).length}/${rows.length}`;
console.log(
  `\nRoot cause on simulated cryogenic faults (${seeds} per mode, VAE ${epochs} epochs): top-1  top-3`,
);
for (const mode of [...CRYO_FAULT_MODES, "all"]) {
  console.log(`  ${mode}`);
  for (const method of METHODS) {
    const rows = (ranks[method] ?? []).filter((r) => mode === "all" || r.mode === mode);
    console.log(`    ${method.padEnd(24)} ${share(rows, 1).padStart(6)} ${share(rows, 3).padStart(6)}`);
  }
}
console.log(`  random ranking             ${(1 / channels).toFixed(2)}   ${(3 / channels).toFixed(2)}`);
