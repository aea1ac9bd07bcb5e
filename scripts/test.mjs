// Runs every package's tests with Node's built-in runner (TypeScript through tsx).
// Usage: node scripts/test.mjs [filter...]   (a filter keeps test files whose path contains it)
// Heavier checks run only with VIGIL_HEAVY=1. Files named *.serial.test.ts (timing-sensitive) run
// afterwards, one at a time, so parallel test files do not disturb what they measure.
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const filters = process.argv.slice(2);

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const files = [];
for (const pkg of readdirSync(join(root, "packages"))) {
  const testDir = join(root, "packages", pkg, "test");
  try {
    collect(testDir, files);
  } catch {
    // a package without tests
  }
}
const selected = files.filter((f) => filters.length === 0 || filters.some((s) => f.includes(s))).sort();
if (selected.length === 0) {
  console.error("no test files matched");
  process.exit(1);
}
const totals = { pass: 0, fail: 0, skipped: 0 };

// Streams the runner's output through, tallying its summary lines for one closing line overall.
function run(files, concurrency) {
  if (files.length === 0) return Promise.resolve(0);
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, "--test-timeout=600000", ...files],
    { stdio: ["ignore", "pipe", "inherit"], cwd: root },
  );
  let pending = "";
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const m = /^# (pass|fail|skipped) (\d+)$/.exec(line);
      if (m) totals[m[1]] += Number(m[2]);
    }
  });
  return new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));
}

const parallel = await run(
  selected.filter((f) => !f.endsWith(".serial.test.ts")),
  2,
);
const serial = await run(
  selected.filter((f) => f.endsWith(".serial.test.ts")),
  1,
);
console.log(`\n${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exit(parallel || serial);
