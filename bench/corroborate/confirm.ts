// Confirmation-stage throughput: the streaming beam scorer (sliding indexed-heap medians) against a
// straightforward per-window recomputation (copy and sort every lagging window), on the same simulated
// beam in the same run. Each trial runs in a fresh process; throughput is pulses per CPU-second of that
// process (process.cpuUsage), so other load on the machine inflates wall time but not the figure.
//
//   node --import tsx bench/corroborate/confirm.ts [--trials 5] [--pulses 1200000] [--small 12000]
import { spawnSync } from "node:child_process";
import { sliceByIndex } from "@vigil/core/series";
import { beamSignalsFromSeries, scoreBeam } from "@vigil/corroborate/confirm";
import { simulateRfBeam } from "../../packages/data/src/simulate/rf-beam.ts";

type Method = "streaming" | "recompute";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

function trial(method: Method, pulses: number): void {
  const sim = simulateRfBeam({
    seed: 7,
    durationSeconds: Math.max(300, pulses / 120 + 60),
    duplicatePeriodsPerHour: 0,
    rateFailuresPerHour: 0,
  });
  const beam = sliceByIndex(sim.beam, 0, pulses);
  const signals = beamSignalsFromSeries(beam);
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const scores = scoreBeam(signals, { method });
  const used = process.cpuUsage(cpu);
  let checksum = 0;
  for (const s of scores) if (Number.isFinite(s)) checksum += s;
  console.log(
    JSON.stringify({
      cpuSeconds: (used.user + used.system) / 1e6,
      wallSeconds: (performance.now() - wall) / 1e3,
      pulses,
      checksum,
    }),
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function run(method: Method, pulses: number, trials: number) {
  const rates: number[] = [];
  let checksum = Number.NaN;
  for (let t = 0; t < trials; t++) {
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", new URL(import.meta.url).pathname, "--trial", method, String(pulses)],
      {
        encoding: "utf8",
      },
    );
    if (child.status !== 0) throw new Error(`trial failed: ${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split("\n").pop()!) as {
      cpuSeconds: number;
      pulses: number;
      checksum: number;
    };
    rates.push(r.pulses / r.cpuSeconds);
    checksum = r.checksum;
  }
  return { method, pulses, trials, medianPulsesPerCpuSecond: median(rates), rates, checksum };
}

if (process.argv.includes("--trial")) {
  const i = process.argv.indexOf("--trial");
  trial(process.argv[i + 1] as Method, Number(process.argv[i + 2]));
} else {
  const trials = arg("--trials", 5);
  const pulses = arg("--pulses", 1_200_000);
  const small = arg("--small", 12_000);
  const big = run("streaming", pulses, trials);
  const streamSmall = run("streaming", small, trials);
  const recompute = run("recompute", small, Math.max(3, Math.ceil(trials / 2)));
  const fmt = (r: ReturnType<typeof run>) =>
    `${r.method.padEnd(10)} ${String(r.pulses).padStart(9)} pulses  median ${Math.round(r.medianPulsesPerCpuSecond).toLocaleString("en").padStart(11)} pulses/CPU-s over ${r.trials} trials`;
  console.log("SLAC confirmation stage (8 BPM signals, l = 600, 10-pulse aggregate), one core:");
  for (const r of [big, streamSmall, recompute]) console.log(`  ${fmt(r)}`);
  console.log(
    `  same ${small}-pulse input: streaming / recompute = ${(streamSmall.medianPulsesPerCpuSecond / recompute.medianPulsesPerCpuSecond).toFixed(0)}×; scores agree: ${Math.abs(streamSmall.checksum - recompute.checksum) <= 1e-9 * Math.abs(recompute.checksum)}`,
  );
  console.log(
    `  target ≥ 1,000,000 pulses/CPU-s: ${big.medianPulsesPerCpuSecond >= 1e6 ? "met" : "NOT met"}`,
  );
}
