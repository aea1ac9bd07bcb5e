// Root-cause accuracy of the VAE's attribution on the cryogenic simulator, whose faults have a known
// root-cause channel (issue 5): per fault mode and seed, train on the normal period, score the whole
// record, attribute the fault period, and check where the true root channel ranks (top-1, top-3).
// Also HitRate@P% and NDCG@P% (P = 100, 150) in the form used with SMD's interpretation labels, with
// the fault's involved channels as the label: its root and the root's descendants in the simulator's
// causal DAG (the channels the fault moves through the SCM), one instance per fault.
// A uniformly random ranking is printed beside every figure (seeded shuffles of the same channels).
// Usage: node --import tsx bench/detect/cryo-root-cause.ts [seeds=3] [epochs=30]
import { interpretationScores, type RankedInstance } from "@vigil/core/metrics";
import { createRng } from "@vigil/core/random";
import { CRYO_FAULT_MODES, cryoDag, dagDescendants } from "@vigil/data/simulate";
import { cryoFaultAttributions } from "./cryo-fault-attributions.ts";

const seeds = Number(process.argv[2] ?? 3);
const epochs = Number(process.argv[3] ?? 30);
const PERCENTS = [100, 150];
const RANDOM_SHUFFLES = 200;
const rows: Array<{ mode: string; seed: number; rank: number; instance: RankedInstance }> = [];
const dag = cryoDag();

for await (const { mode, seed, series, rootCause, explanation } of cryoFaultAttributions({ seeds, epochs })) {
  const ranking = explanation.ranking.map((c) => c.channel);
  const rank = ranking.indexOf(rootCause) + 1;
  const names = new Set(series.channels.map((c) => c.name));
  const truth = [rootCause, ...dagDescendants(dag, rootCause)].filter((c) => names.has(c));
  rows.push({ mode, seed, rank, instance: { ranking, truth } });
  console.error(
    `${mode} seed ${seed}: root cause ${rootCause} ranked ${rank} (top: ${ranking[0]}); ${truth.length} involved channels`,
  );
}

const rng = createRng(1);
/** The same instances with their rankings shuffled, RANDOM_SHUFFLES times each. */
const shuffled = (subset: typeof rows): RankedInstance[] =>
  subset.flatMap(({ instance }) =>
    Array.from({ length: RANDOM_SHUFFLES }, () => {
      const ranking = [...instance.ranking];
      for (let i = ranking.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [ranking[i], ranking[j]] = [ranking[j]!, ranking[i]!];
      }
      return { ranking, truth: instance.truth };
    }),
  );
const topK = (k: number, instances: RankedInstance[]) =>
  instances.filter((x) => x.ranking.slice(0, k).includes(x.truth[0]!)).length / instances.length;
const figures = (instances: RankedInstance[]) => [
  topK(1, instances),
  topK(3, instances),
  ...PERCENTS.flatMap((p) => {
    const s = interpretationScores(instances, p);
    return [s.hitRate, s.ndcg];
  }),
];
const header = ["faults", "top-1", "top-3", ...PERCENTS.flatMap((p) => [`HR@${p}%`, `NDCG@${p}%`])];
const line = (name: string, n: string, values: number[]) =>
  `${name.padEnd(26)} ${n.padStart(6)}  ${values.map((v) => v.toFixed(2).padStart(9)).join(" ")}`;

console.log("\nVAE attribution (error share over the fault period) on simulated cryogenic faults:");
console.log(
  `${"mode".padEnd(26)} ${header[0]!.padStart(6)}  ${header
    .slice(1)
    .map((h) => h.padStart(9))
    .join(" ")}`,
);
for (const mode of CRYO_FAULT_MODES) {
  const subset = rows.filter((r) => r.mode === mode);
  console.log(line(mode, String(subset.length), figures(subset.map((r) => r.instance))));
}
console.log(line("all", String(rows.length), figures(rows.map((r) => r.instance))));
console.log(line("random ranking", "", figures(shuffled(rows))));
