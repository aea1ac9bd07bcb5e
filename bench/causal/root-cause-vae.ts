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
import { CRYO_FAULT_MODES, cryoObservationalSample } from "@vigil/data/simulate";
import { cryoFaultAttributions } from "../detect/cryo-fault-attributions.ts";

const seeds = Number(process.argv[2] ?? 3);
const epochs = Number(process.argv[3] ?? 30);
const METHODS = ["VAE attribution", "causal (true DAG)", "causal (learned CPDAG)"] as const;

const healthy = matrixFromSeries(cryoObservationalSample({ rows: 10_000, seed: 2 }).series);
const learned = pc(fisherZTest(healthy), healthy.names, { alpha: 0.01 }).graph;
const ranks: Record<string, { mode: string; rank: number }[]> = Object.fromEntries(
  METHODS.map((m) => [m, []]),
);
let channels = 0;

for await (const { mode, seed, fleet, series, rootCause, explanation } of cryoFaultAttributions({
  seeds,
  epochs,
})) {
  const names = series.channels.map((c) => c.name);
  channels = names.length;
  const trueDag = Pdag.fromEdges(
    names,
    fleet.dag.map((e) => ({ ...e, kind: "directed" as const })),
  );
  const evidence = Object.fromEntries(explanation.ranking.map((c) => [c.channel, c.errorShare * channels]));
  const orders: Record<string, string[]> = {
    "VAE attribution": explanation.ranking.map((c) => c.channel),
    "causal (true DAG)": rankRootCauses(trueDag, evidence).map((r) => r.channel),
    "causal (learned CPDAG)": rankRootCauses(learned, evidence).map((r) => r.channel),
  };
  for (const method of METHODS)
    ranks[method]?.push({ mode, rank: (orders[method] as string[]).indexOf(rootCause) + 1 });
  console.error(
    `${mode} seed ${seed}: root ${rootCause}; ranks ${METHODS.map((m) => `${m} ${ranks[m]?.at(-1)?.rank}`).join(", ")}`,
  );
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
