// `npm run bench:stream`: N assets × C channels at R Hz through MQTT into the service, for a ladder
// of fleet sizes, each trial in a fresh process (bench/stream/trial.ts) with its own workspace.
// Reports end-to-end latency publish → score / event on the WebSocket (p50, p99), sustained
// readings/s with the loss (acknowledged − stored) at the fleet's rate and flooded as fast as the
// service acknowledges, and the scorer's windows/s against a Python
// PyTorch loop scoring with the same model's weights (bench/stream/pytorch_scorer.py) in the same
// run; then the largest fleet that keeps p99 < 1 s with zero loss.
// Usage: npm run bench:stream -- [--assets 4,8,16,32,64] [--channels 8] [--rate 10] [--seconds 20]
//   [--stride 5] [--threads 2] [--json]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    assets: { type: "string", default: "4,8,16,32,64" },
    channels: { type: "string", default: "8" },
    rate: { type: "string", default: "10" },
    seconds: { type: "string", default: "20" },
    stride: { type: "string", default: "5" },
    threads: { type: "string", default: String(availableParallelism()) },
    json: { type: "boolean", default: false },
  },
});

interface TrialResult {
  assets: number;
  channels: number;
  rateHz: number;
  stride: number;
  targetReadingsPerSecond: number;
  ackedReadings: number;
  storedReadings: number;
  lost: number;
  achievedReadingsPerSecond: number;
  floodReadingsPerSecond: number;
  floodLost: number;
  scoreLatencyMs: { n: number; p50: number; p99: number };
  eventLatencyMs: { n: number; p50: number; p99: number };
  events: number;
  scorerWindowsPerSecond: number;
  modelDir: string;
}

interface Row extends TrialResult {
  pytorchWindowsPerSecond: number;
  pytorchBatchedWindowsPerSecond: number;
  keepsUp: boolean;
}

const here = fileURLToPath(new URL(".", import.meta.url));
const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);

function runTrial(assets: number, home: string): TrialResult {
  const child = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      join(here, "trial.ts"),
      "--home",
      home,
      "--assets",
      String(assets),
      "--channels",
      values.channels!,
      "--rate",
      values.rate!,
      "--seconds",
      values.seconds!,
      "--stride",
      values.stride!,
    ],
    { encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, VIGIL_THREADS: values.threads } },
  );
  const line = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || !line.startsWith("{")) {
    throw new Error(`trial with ${assets} assets failed (${child.status}):\n${child.stderr.slice(-3000)}`);
  }
  return JSON.parse(line) as TrialResult;
}

function pytorch(modelDir: string, batch: number): number {
  const child = spawnSync(
    "/usr/bin/python3",
    [
      join(here, "pytorch_scorer.py"),
      "--model-dir",
      modelDir,
      "--batch",
      String(batch),
      "--threads",
      values.threads!,
    ],
    { encoding: "utf8" },
  );
  if (child.status !== 0) throw new Error(`pytorch_scorer.py failed:\n${child.stderr.slice(-2000)}`);
  return (JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { windowsPerSecond: number })
    .windowsPerSecond;
}

const fmt = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : "-");
const rows: Row[] = [];
log(
  `stream bench: C=${values.channels} channels at R=${values.rate} Hz for ${values.seconds} s per trial, ` +
    `scoring every ${values.stride} rows, ${values.threads} engine threads`,
);
log(
  "assets  target r/s  achieved r/s  lost  flood r/s (lost)  score p50/p99 ms  event p50/p99 ms (n)  scorer win/s  pytorch win/s (batch k / N·k)",
);
for (const assets of values.assets!.split(",").map(Number)) {
  const home = mkdtempSync(join(tmpdir(), "vigil-bench-stream-"));
  try {
    const r = runTrial(assets, home);
    const row: Row = {
      ...r,
      pytorchWindowsPerSecond: pytorch(r.modelDir, r.stride),
      pytorchBatchedWindowsPerSecond: pytorch(r.modelDir, r.stride * r.assets),
      keepsUp:
        r.lost === 0 && r.floodLost === 0 && r.achievedReadingsPerSecond >= 0.99 * r.targetReadingsPerSecond,
    };
    rows.push(row);
    log(
      `${String(assets).padStart(6)}  ${fmt(r.targetReadingsPerSecond).padStart(10)}  ${fmt(r.achievedReadingsPerSecond).padStart(12)}  ${String(r.lost).padStart(4)}  ` +
        `${`${fmt(r.floodReadingsPerSecond)} (${r.floodLost})`.padStart(16)}  ` +
        `${`${fmt(r.scoreLatencyMs.p50)} / ${fmt(r.scoreLatencyMs.p99)}`.padStart(16)}  ` +
        `${`${fmt(r.eventLatencyMs.p50)} / ${fmt(r.eventLatencyMs.p99)} (${r.eventLatencyMs.n})`.padStart(20)}  ` +
        `${fmt(r.scorerWindowsPerSecond).padStart(12)}  ${fmt(row.pytorchWindowsPerSecond)} / ${fmt(row.pytorchBatchedWindowsPerSecond)}`,
    );
    if (!row.keepsUp || r.scoreLatencyMs.p99 >= 1000) break;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
const good = rows.filter((r) => r.keepsUp && r.scoreLatencyMs.p99 < 1000 && !(r.eventLatencyMs.p99 >= 1000));
const best = good.at(-1);
log(
  best === undefined
    ? "no fleet kept p99 < 1 s with zero loss"
    : `largest fleet with p99 < 1 s and zero loss: ${best.assets} assets × ${best.channels} channels at ${best.rateHz} Hz ` +
        `(${fmt(best.achievedReadingsPerSecond)} readings/s); scorer ${fmt(best.scorerWindowsPerSecond)} windows/s vs ` +
        `PyTorch ${fmt(best.pytorchWindowsPerSecond)} (same calls) = ${fmt(best.scorerWindowsPerSecond / best.pytorchWindowsPerSecond, 2)}×`,
);
if (values.json) process.stdout.write(`${JSON.stringify({ rows, best: best ?? null }, null, 2)}\n`);
