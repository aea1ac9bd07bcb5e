// Training and scoring throughput (windows/s) of the VAE's encoders at the default configuration.
// Each trial runs in a fresh process; the table reports medians and each encoder's ratio to "cnn",
// the named baseline. Usage: node --import tsx bench/vae/train-speed.ts [--trials 3] [--threads 1]
//   [--steps 4000] [--channels 8] [--epochs 3]
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { seriesFromColumns } from "@vigil/core";
import { VAE_ENCODERS, VaeDetector } from "@vigil/detect/vae";
import { setNumThreads } from "@vigil/torch";

const { values } = parseArgs({
  options: {
    trials: { type: "string", default: "3" },
    threads: { type: "string", default: "1" },
    steps: { type: "string", default: "4000" },
    channels: { type: "string", default: "8" },
    epochs: { type: "string", default: "3" },
    trial: { type: "string" },
  },
});
const steps = Number(values.steps);
const channels = Number(values.channels);
const epochs = Number(values.epochs);

interface Trial {
  trainWindowsPerSecond: number;
  scoreWindowsPerSecond: number;
}

/** Sines of distinct periods plus a deterministic pseudo-random ripple per channel. */
function benchSeries() {
  const values = Array.from({ length: channels }, (_, c) =>
    Float64Array.from(
      { length: steps },
      (_, t) => Math.sin((2 * Math.PI * t) / (20 + 7 * c)) + 0.1 * Math.sin(t * 12.9898 + c * 78.233),
    ),
  );
  return seriesFromColumns({
    timestamps: BigInt64Array.from({ length: steps }, (_, t) => BigInt(t) * 1_000_000_000n),
    channels: values.map((_, c) => `ch${c}`),
    values,
  });
}

async function trial(encoder: (typeof VAE_ENCODERS)[number]): Promise<Trial> {
  setNumThreads(Number(values.threads));
  const series = benchSeries();
  // patience = epochs: every epoch runs, so the work per trial is fixed.
  const detector = new VaeDetector({ encoder, epochs, patience: epochs });
  const o = detector.options;
  const cut = steps - Math.round(steps * o.validationFraction);
  const trainWindows = Math.floor((cut - o.windowLength) / o.trainStride) + 1;
  const report = await detector.fit(series);
  const started = performance.now();
  await detector.score(series);
  const scoreSeconds = (performance.now() - started) / 1000;
  detector.dispose();
  return {
    trainWindowsPerSecond: (trainWindows * epochs) / report.seconds,
    scoreWindowsPerSecond: (steps - o.windowLength + 1) / scoreSeconds,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

if (values.trial !== undefined) {
  console.log(JSON.stringify(await trial(values.trial as (typeof VAE_ENCODERS)[number])));
} else {
  const self = fileURLToPath(import.meta.url);
  const rows = VAE_ENCODERS.map((encoder) => {
    const trials: Trial[] = [];
    for (let i = 0; i < Number(values.trials); i++) {
      const args = ["--import", "tsx", self, "--trial", encoder];
      for (const key of ["threads", "steps", "channels", "epochs"] as const)
        args.push(`--${key}`, String(values[key]));
      const run = spawnSync(process.execPath, args, { encoding: "utf8" });
      if (run.status !== 0) throw new Error(`trial ${encoder} failed: ${run.stderr}`);
      trials.push(JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Trial);
    }
    return {
      encoder,
      train: median(trials.map((t) => t.trainWindowsPerSecond)),
      score: median(trials.map((t) => t.scoreWindowsPerSecond)),
    };
  });
  const base = rows[0]!;
  console.log(
    `VAE throughput, ${steps} steps × ${channels} channels, ${epochs} epochs, ${values.threads} threads, median of ${values.trials} fresh processes`,
  );
  console.log("encoder      train win/s  ×cnn   score win/s  ×cnn");
  for (const r of rows) {
    console.log(
      `${r.encoder.padEnd(12)} ${r.train.toFixed(0).padStart(11)}  ${(r.train / base.train).toFixed(2)}  ${r.score.toFixed(0).padStart(11)}  ${(r.score / base.score).toFixed(2)}`,
    );
  }
}
