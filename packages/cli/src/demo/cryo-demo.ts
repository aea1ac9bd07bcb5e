import { detectAlerts } from "@vigil/core/alert";
import { VigilError } from "@vigil/core/errors";
import { lowerBound, sliceByTime } from "@vigil/core/series";
import { rollingMedian } from "@vigil/core/stats";
import { percentileThreshold } from "@vigil/core/threshold";
import { formatTimestamp } from "@vigil/core/time";
import { simulateCryoFleet } from "@vigil/data/simulate";
import { attributeEvent } from "@vigil/detect/attribution";
import { VaeDetector } from "@vigil/detect/vae";
import { sparkline } from "./sparkline.ts";

export interface CryoDemoOptions {
  seed: number;
  epochs: number;
  log: (line: string) => void;
}

export interface CryoDemoResult {
  trainLoss: number[];
  validationLoss: number[];
  threshold: number;
  detected: boolean;
  detectionDelayHours: number | undefined;
  rootCause: string;
  rankedFirst: string | undefined;
}

/**
 * The demo's default seed: the simulation (seeded through `@vigil/core/random`) gives this magnet two normal days,
 * a cold-head fault the VAE detects and explains with the true root cause first. Not every seed does (seed 4, the
 * default under the simulator's earlier generator, now detects but ranks helium_level first), so the demo and its
 * test share this one.
 */
export const CRYO_DEMO_SEED = 11;

const HOUR_NS = 3_600_000_000_000n;

function quantile(values: Float64Array, q: number): number {
  const s = Float64Array.from(values.filter(Number.isFinite)).sort();
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/**
 * The end-to-end demo behind `npm start`: simulate a cryogenic magnet with a developing fault, train
 * a VAE on its normal period, score the rest, threshold from the training period's own scores,
 * turn scores into alert events, and explain the first event — against the simulator's truth.
 */
export async function runCryoDemo(options: CryoDemoOptions): Promise<CryoDemoResult> {
  const { log } = options;
  // The first seed from options.seed whose fault leaves at least two days of normal operation to learn from.
  const simulate = (seed: number) =>
    simulateCryoFleet({ seed, sites: 1, magnetsPerSite: 1, days: 10, baseSampleSeconds: 60 });
  const normalDays = (f: ReturnType<typeof simulate>) =>
    Number(f.magnets[0]!.faults[0]!.onsetNs - f.magnets[0]!.series.timestamps[0]!) / (24 * 3.6e12);
  let seed = options.seed;
  let fleet = simulate(seed);
  while (normalDays(fleet) < 2) {
    if (seed - options.seed > 100)
      throw new VigilError("VIGIL_DEMO_SEED", "no seed with two normal days found");
    fleet = simulate(++seed);
  }
  log(`simulated a cryogenic magnet (seed ${seed}, 10 days at 1-minute sampling)`);
  const magnet = fleet.magnets[0]!;
  const fault = magnet.faults[0]!;
  const series = magnet.series;
  // Train on the normal period: everything up to 12 hours before the fault begins.
  const trainEnd = fault.onsetNs - 12n * HOUR_NS;
  const train = sliceByTime(series, { to: trainEnd });
  const trainRows = train.timestamps.length;
  log(
    `${series.channels.length} channels, ${series.timestamps.length} rows; training on ${trainRows} rows before ${formatTimestamp(trainEnd)}; ` +
      `fault "${fault.mode}" starts ${formatTimestamp(fault.onsetNs)} (root cause: ${fault.rootCause})`,
  );

  const detector = new VaeDetector({ epochs: options.epochs, windowLength: 32, trainStride: 4, seed });
  const trainLoss: number[] = [];
  const validationLoss: number[] = [];
  await detector.fit(train, {
    onProgress: (p) => {
      trainLoss.push(p.trainLoss ?? Number.NaN);
      validationLoss.push(p.validationLoss ?? Number.NaN);
      log(
        `  epoch ${String(p.epoch).padStart(2)}/${p.epochs}  train ${p.trainLoss?.toFixed(4)}  validation ${p.validationLoss?.toFixed(4)}`,
      );
    },
  });
  log(`loss curve (train)       ${sparkline(trainLoss)}`);
  log(`loss curve (validation)  ${sparkline(validationLoss)}`);

  const scores = await detector.score(series);
  // A 30-minute rolling median of the score: single-sample sensor glitches do not raise alerts,
  // a developing fault does. The threshold comes from the training period alone.
  const smoothed = rollingMedian(scores.score, { window: 30, minPeriods: 10 });
  const trainScores = smoothed.subarray(0, trainRows);
  const threshold = percentileThreshold(trainScores, { percentile: 99.9 }) * 1.5;
  const normal = smoothed.subarray(trainRows, lowerBound(series.timestamps, fault.onsetNs));
  const faulty = smoothed.subarray(
    lowerBound(series.timestamps, fault.onsetNs),
    lowerBound(series.timestamps, fault.failureNs),
  );
  log(
    `anomaly score (30-min median)   median     p99     max   (threshold ${threshold.toFixed(2)} = 1.5 × training p99.9)`,
  );
  for (const [name, s] of [
    ["training", trainScores],
    ["normal, held out", normal],
    ["fault period", faulty],
  ] as const) {
    log(
      `  ${name.padEnd(30)} ${quantile(s, 0.5).toFixed(2).padStart(7)} ${quantile(s, 0.99).toFixed(2).padStart(7)} ${quantile(s, 1).toFixed(2).padStart(7)}`,
    );
  }

  const events = detectAlerts(series.timestamps, smoothed, {
    on: threshold,
    off: threshold * 0.8,
    minDurationNs: HOUR_NS / 4n,
    mergeGapNs: 2n * HOUR_NS,
  });
  log(`${events.length} alert event(s):`);
  for (const e of events) {
    const inFault = e.end >= fault.onsetNs && e.start <= fault.failureNs;
    const hours = Number(e.end - e.start) / 3.6e12;
    log(
      `  ${formatTimestamp(e.start)}  ${hours.toFixed(1).padStart(5)} h  peak ${e.peakScore.toFixed(1).padStart(6)}  ${inFault ? "during the fault" : "false alarm"}`,
    );
  }
  const hit = events.find((e) => e.end >= fault.onsetNs && e.start <= fault.failureNs);
  let rankedFirst: string | undefined;
  let delayHours: number | undefined;
  if (hit !== undefined) {
    delayHours = Number(hit.start - fault.onsetNs) / 3.6e12;
    const start = lowerBound(series.timestamps, hit.start);
    const end = Math.min(series.timestamps.length, lowerBound(series.timestamps, hit.end) + 1);
    const explanation = await attributeEvent(detector, series, {
      start,
      end,
      threshold,
      scores,
      integratedSteps: 16,
    });
    rankedFirst = explanation.ranking[0]?.channel;
    log(
      `fault detected ${delayHours.toFixed(1)} h after its onset and ${(Number(fault.failureNs - hit.start) / 3.6e12).toFixed(1)} h before the failure`,
    );
    log("most affected channels (share of reconstruction error):");
    for (const c of explanation.ranking.slice(0, 5))
      log(`  ${c.channel.padEnd(28)} ${(100 * c.errorShare).toFixed(1)} %`);
    log(`true root cause: ${fault.rootCause}`);
  } else {
    log("the fault was not detected before the failure");
  }
  return {
    trainLoss,
    validationLoss,
    threshold,
    detected: hit !== undefined,
    detectionDelayHours: delayHours,
    rootCause: fault.rootCause,
    rankedFirst,
  };
}
