/**
 * Rolling median: Vigil's sorted window (binary insert/delete) against the naive baseline that copies and
 * re-sorts every window. Each trial runs in a fresh process; reports medians of the trials and the ratio.
 * Usage: node --import tsx bench/preprocess/rolling-median.ts [n=200000] [window=256] [trials=5]
 */
import { spawnSync } from "node:child_process";

const [, , role] = process.argv;

function signal(n: number): Float64Array {
  let x = 0;
  return Float64Array.from(
    { length: n },
    (_, i) => (x = 0.9 * x + ((Math.sin(i * 12.9898) * 43758.5453) % 1)),
  );
}

function naive(values: Float64Array, window: number): Float64Array {
  return Float64Array.from(values, (_, i) => {
    const w = values.slice(Math.max(0, i - window + 1), i + 1).sort();
    const m = w.length >> 1;
    return w.length % 2 ? w[m]! : (w[m - 1]! + w[m]!) / 2;
  });
}

async function trial(kind: string, n: number, window: number): Promise<void> {
  const { rollingMedian } = await import("@vigil/core/stats");
  const values = signal(n);
  const t0 = performance.now();
  const out = kind === "vigil" ? rollingMedian(values, { window }) : naive(values, window);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, check: out[n - 1] }));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

if (role === "--trial") {
  await trial(process.argv[3]!, Number(process.argv[4]), Number(process.argv[5]));
} else {
  const n = Number(process.argv[2] ?? 200_000);
  const window = Number(process.argv[3] ?? 256);
  const trials = Number(process.argv[4] ?? 5);
  const times: Record<string, number[]> = { vigil: [], naive: [] };
  const checks = new Set<number>();
  for (let t = 0; t < trials; t++) {
    for (const kind of ["vigil", "naive"]) {
      const run = spawnSync(
        process.execPath,
        ["--import", "tsx", import.meta.filename, "--trial", kind, String(n), String(window)],
        { encoding: "utf8" },
      );
      if (run.status !== 0) throw new Error(run.stderr);
      const { ms, check } = JSON.parse(run.stdout.trim().split("\n").pop()!) as { ms: number; check: number };
      times[kind]!.push(ms);
      checks.add(check);
    }
  }
  if (checks.size !== 1) throw new Error(`the two methods disagree: ${[...checks]}`);
  const [v, b] = [median(times.vigil!), median(times.naive!)];
  console.log(`rolling median, n=${n}, window=${window}, ${trials} trials (median ms)`);
  console.log(`  vigil sorted window : ${v.toFixed(1)} ms`);
  console.log(`  naive re-sort       : ${b.toFixed(1)} ms`);
  console.log(`  speed-up            : ${(b / v).toFixed(1)}x`);
}
