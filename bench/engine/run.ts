// `npm run bench:engine [-- --json] [--threads N] [--steps S] [--warmup W]`: the engine benchmark of issue 3.
// Runs the same four workloads in this engine (vigil.ts), Python PyTorch on Debian's python3-torch
// (pytorch_workloads.py, the same libtorch build) and TensorFlow.js on its wasm backend (tfjs_wasm.ts),
// each as a child process, one at a time so they never compete for cores. The whole set runs three times
// in alternating engine order (so drift in machine state does not favour whichever runs first) and each
// figure is the median of the three per-run medians. Progress goes to stderr; stdout carries the table,
// or with --json exactly one JSON document.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const ROOT = new URL("../..", import.meta.url).pathname;
const HERE = join(ROOT, "bench", "engine");
const REPETITIONS = 3;
const CHILD_TIMEOUT_MS = 30 * 60 * 1000;
const CASES = ["vae_train", "lstm_ae_train", "matmul_512", "vae_infer_b1"] as const;
type CaseName = (typeof CASES)[number];
const ENGINES = ["vigil", "pytorch", "tfjs_wasm"] as const;
type EngineId = (typeof ENGINES)[number];
// matmul_512 is a throughput (GFLOP/s, higher is better); every other case is a latency (ms, lower is better).
const isThroughput = (name: CaseName) => name === "matmul_512";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    threads: { type: "string" },
    steps: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
  },
});

function positiveInteger(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`bench:engine: --${name} expected an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
  }
  return n;
}
const threads = positiveInteger("threads", values.threads ?? String(availableParallelism()), 1);
const steps = positiveInteger("steps", values.steps, 20); // the issue asks for medians over ≥ 20 steps
const warmup = positiveInteger("warmup", values.warmup, 0);
const childArgs = ["--threads", String(threads), "--steps", String(steps), "--warmup", String(warmup)];

const notes: string[] = [];
function log(msg: string): void {
  console.error(`[bench:engine] ${msg}`);
}
function note(msg: string): void {
  if (notes.includes(msg)) return;
  notes.push(msg);
  log(`note: ${msg}`);
}

interface Command {
  cmd: string;
  args: string[];
}

function importsTorch(python: string): boolean {
  return spawnSync(python, ["-c", "import torch"], { stdio: "ignore" }).status === 0;
}

// Debian's python3-torch lives in /usr/lib/python3/dist-packages, visible to /usr/bin/python3 but not to
// a python3 earlier on PATH (pyenv, venv), so the system interpreter is tried first.
function findPython(): string | null {
  const candidates = ["/usr/bin/python3", "python3"].filter((p) => p === "python3" || existsSync(p));
  const found = candidates.find(importsTorch);
  if (found) return found;
  if (process.getuid?.() !== 0) {
    note(
      "PyTorch column skipped: `import torch` fails and we are not root; run `apt-get install -y python3-torch`",
    );
    return null;
  }
  log("`import torch` fails; installing Debian's python3-torch with apt-get");
  const apt = spawnSync("apt-get", ["install", "-y", "python3-torch"], {
    stdio: ["ignore", process.stderr, "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  const installed = apt.status === 0 ? candidates.find(importsTorch) : undefined;
  if (installed) return installed;
  note(
    `PyTorch column skipped: apt-get install -y python3-torch failed (exit ${apt.status ?? apt.error?.message})`,
  );
  return null;
}

function engineCommand(id: EngineId, python: string | null): Command | null {
  const tsScript = (file: string): Command => ({
    cmd: process.execPath,
    args: ["--import", "tsx", join(HERE, file), ...childArgs],
  });
  switch (id) {
    case "vigil":
      if (!existsSync(join(HERE, "vigil.ts"))) {
        note("engine column is null: bench/engine/vigil.ts does not exist");
        return null;
      }
      return tsScript("vigil.ts");
    case "pytorch":
      return python ? { cmd: python, args: [join(HERE, "pytorch_workloads.py"), ...childArgs] } : null;
    case "tfjs_wasm":
      return tsScript("tfjs_wasm.ts");
  }
}

interface EngineReport {
  engine: string;
  threads: number;
  threads_requested?: number;
  cases: Array<{ name: string; ms?: number; gflops?: number }>;
}

// The last stdout line that is a JSON object with a `cases` array is the report; anything else is ignored.
function parseReport(stdout: string): EngineReport | null {
  const lines = stdout.trim().split("\n").reverse();
  for (const line of lines) {
    if (!line.startsWith("{")) continue;
    try {
      const parsed = JSON.parse(line) as EngineReport;
      if (Array.isArray(parsed.cases)) return parsed;
    } catch {
      // not the report line
    }
  }
  return null;
}

type Figures = Partial<Record<CaseName, number>>;

function runEngine(id: EngineId, command: Command, repetition: number): Figures | null {
  log(`run ${repetition + 1}/${REPETITIONS}: ${id} (${threads} threads, ${steps} steps, ${warmup} warm-up)`);
  const t0 = performance.now();
  const child = spawnSync(command.cmd, command.args, {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = ((performance.now() - t0) / 1e3).toFixed(1);
  if (child.error || child.status !== 0) {
    const why = child.error?.message ?? `exit ${child.status ?? child.signal}`;
    note(`${id} failed in run ${repetition + 1} (${why}); its figures from that run are missing`);
    return null;
  }
  const report = parseReport(child.stdout);
  if (!report) {
    note(`${id} printed no JSON report in run ${repetition + 1}; its figures from that run are missing`);
    return null;
  }
  log(`${id} done in ${seconds} s`);
  if (report.threads !== threads && repetition === 0) {
    // tfjs-backend-wasm 4.x turns wasm threads off under Node (tfjs issue #3830) whatever setThreadsCount says.
    const why = id === "tfjs_wasm" ? " (tfjs-backend-wasm disables wasm threads under Node)" : "";
    note(`${id} ran with ${report.threads} thread(s), not the ${threads} requested${why}`);
  }
  const figures: Figures = {};
  for (const c of report.cases) {
    const name = c.name as CaseName;
    if (!CASES.includes(name)) continue;
    const value = isThroughput(name) ? c.gflops : c.ms;
    if (typeof value === "number" && Number.isFinite(value) && value > 0) figures[name] = value;
    else
      note(
        `${id} reported an invalid ${isThroughput(name) ? "gflops" : "ms"} for ${name}: ${JSON.stringify(c)}`,
      );
  }
  for (const c of CASES) {
    if (!report.cases.some((r) => r.name === c)) note(`${id} does not run ${c}`);
  }
  return figures;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const python = findPython();
const commands = new Map(ENGINES.map((id) => [id, engineCommand(id, python)]));
const samples = new Map<EngineId, Map<CaseName, number[]>>(
  ENGINES.map((id) => [id, new Map(CASES.map((c) => [c, [] as number[]]))]),
);

for (let r = 0; r < REPETITIONS; r++) {
  const order = r % 2 === 0 ? [...ENGINES] : [...ENGINES].reverse();
  for (const id of order) {
    const command = commands.get(id);
    if (!command) continue;
    const figures = runEngine(id, command, r);
    if (!figures) continue;
    for (const c of CASES) {
      const v = figures[c];
      if (v !== undefined) samples.get(id)!.get(c)!.push(v);
    }
  }
}

const result = (id: EngineId, c: CaseName) => median(samples.get(id)!.get(c)!);
const ratio = (a: number | null, b: number | null) => (a !== null && b !== null ? a / b : null);

for (const id of ENGINES) {
  for (const c of CASES) {
    const n = samples.get(id)!.get(c)!.length;
    if (n > 0 && n < REPETITIONS) note(`${id} ${c}: median of ${n} run(s), not ${REPETITIONS}`);
  }
}

const rows = CASES.map((name) => {
  const engine = result("vigil", name);
  const pytorch = result("pytorch", name);
  const tfjs = result("tfjs_wasm", name);
  if (isThroughput(name)) {
    return {
      name,
      engine_gflops: engine,
      pytorch_gflops: pytorch,
      tfjs_wasm_gflops: tfjs,
      engine_over_pytorch: ratio(engine, pytorch),
      engine_speedup_vs_tfjs: ratio(engine, tfjs),
    };
  }
  return {
    name,
    engine_ms: engine,
    pytorch_ms: pytorch,
    tfjs_wasm_ms: tfjs,
    engine_over_pytorch: ratio(engine, pytorch),
    engine_speedup_vs_tfjs: ratio(tfjs, engine),
  };
});

if (values.json) {
  console.log(JSON.stringify({ cases: rows, notes }));
} else {
  const fmt = (v: number | null | undefined, digits = 3) => (v == null ? "—" : v.toPrecision(digits));
  const table = rows.map((row) => {
    const unit = isThroughput(row.name) ? "GFLOP/s" : "ms";
    const [e, p, t] =
      "engine_gflops" in row
        ? [row.engine_gflops, row.pytorch_gflops, row.tfjs_wasm_gflops]
        : [row.engine_ms, row.pytorch_ms, row.tfjs_wasm_ms];
    return {
      case: row.name,
      unit,
      vigil: fmt(e),
      pytorch: fmt(p),
      "tfjs-wasm": fmt(t),
      "vigil/pytorch": fmt(row.engine_over_pytorch),
      "speedup vs tfjs": fmt(row.engine_speedup_vs_tfjs),
    };
  });
  const header = Object.keys(table[0]!);
  const widths = header.map((h) =>
    Math.max(h.length, ...table.map((r) => String(r[h as keyof typeof r]).length)),
  );
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(
    `Engine benchmark: ${threads} thread(s), ${steps} steps after ${warmup} warm-up, median of ${REPETITIONS} runs`,
  );
  console.log(line(header));
  for (const r of table) console.log(line(header.map((h) => String(r[h as keyof typeof r]))));

  // Targets of issue 3. A ratio that cannot be computed (missing column) is reported as n/a, never PASS.
  const verdict = (ok: boolean | null) => (ok === null ? "n/a" : ok ? "PASS" : "FAIL");
  const byName = new Map(rows.map((r) => [r.name, r]));
  console.log("\nTargets:");
  for (const name of ["vae_train", "lstm_ae_train", "vae_infer_b1"] as const) {
    const r = byName.get(name)!.engine_over_pytorch;
    console.log(`  ${name}: vigil/pytorch ≤ 1.10 — ${fmt(r)} — ${verdict(r === null ? null : r <= 1.1)}`);
  }
  const speedup = byName.get("vae_train")!.engine_speedup_vs_tfjs;
  console.log(
    `  vae_train: vigil ≥ 10× faster than tfjs-wasm — ${fmt(speedup)}× — ${verdict(speedup === null ? null : speedup >= 10)}`,
  );
  if (notes.length) {
    console.log("\nNotes:");
    for (const n of notes) console.log(`  - ${n}`);
  }
}
