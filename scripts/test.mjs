// Runs every package's tests with Node's built-in runner (TypeScript through tsx).
// Usage: node scripts/test.mjs [filter...]   (a filter keeps test files whose path contains it)
// Heavier checks run only with VIGIL_HEAVY=1.
import { spawnSync } from "node:child_process";
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
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", "--test-timeout=600000", ...selected],
  { stdio: "inherit", cwd: root },
);
process.exit(result.status ?? 1);
