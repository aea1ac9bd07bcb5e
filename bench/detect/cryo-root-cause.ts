// Root-cause accuracy of the VAE's attribution on the cryogenic simulator, whose faults have a known
// root-cause channel (issue 5): per fault mode and seed, train on the normal period, score the whole
// record, attribute the fault period, and check where the true root channel ranks (top-1, top-3).
// A uniformly random ranking is printed beside it (top-k chance = k / channels).
// Usage: node --import tsx bench/detect/cryo-root-cause.ts [seeds=3] [epochs=30]
import { lowerBound, sliceByTime } from "@vigil/core/series";
import { CRYO_FAULT_MODES, simulateCryoFleet } from "@vigil/data/simulate";
import { attributeEvent } from "@vigil/detect/attribution";
import { VaeDetector } from "@vigil/detect/vae";

const seeds = Number(process.argv[2] ?? 3);
const epochs = Number(process.argv[3] ?? 30);
const HOUR = 3_600_000_000_000n;
const rows: Array<{ mode: string; seed: number; rank: number; channels: number }> = [];

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
    const magnet = fleet.magnets[0]!;
    const fault = magnet.faults[0]!;
    const series = magnet.series;
    // at least a day and a half of normal operation to learn from
    if (fault.onsetNs - series.timestamps[0]! < 36n * HOUR) continue;
    found++;
    const train = sliceByTime(series, { to: fault.onsetNs - 12n * HOUR });
    const detector = new VaeDetector({ epochs, windowLength: 32, trainStride: 4, seed });
    await detector.fit(train);
    const scores = await detector.score(series);
    const start = lowerBound(series.timestamps, fault.onsetNs);
    const end = lowerBound(series.timestamps, fault.failureNs);
    const explanation = await attributeEvent(detector, series, {
      start,
      end,
      threshold: Number.POSITIVE_INFINITY,
      scores,
      integratedSteps: 8,
    });
    const rank = explanation.ranking.findIndex((c) => c.channel === fault.rootCause) + 1;
    rows.push({ mode, seed, rank, channels: series.channels.length });
    console.error(
      `${mode} seed ${seed}: root cause ${fault.rootCause} ranked ${rank} (top: ${explanation.ranking[0]?.channel})`,
    );
    detector.dispose();
  }
}

const share = (k: number, subset = rows) =>
  subset.filter((r) => r.rank > 0 && r.rank <= k).length / subset.length;
console.log("\nVAE attribution (error share over the fault period) on simulated cryogenic faults:");
console.log("mode                     faults  top-1  top-3");
for (const mode of CRYO_FAULT_MODES) {
  const subset = rows.filter((r) => r.mode === mode);
  console.log(
    `${mode.padEnd(24)} ${String(subset.length).padStart(6)}  ${share(1, subset).toFixed(2)}   ${share(3, subset).toFixed(2)}`,
  );
}
const c = rows[0]?.channels ?? 1;
console.log(
  `${"all".padEnd(24)} ${String(rows.length).padStart(6)}  ${share(1).toFixed(2)}   ${share(3).toFixed(2)}`,
);
console.log(
  `${"random ranking".padEnd(24)} ${"".padStart(6)}  ${(1 / c).toFixed(2)}   ${(3 / c).toFixed(2)}`,
);
