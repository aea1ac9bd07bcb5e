// Brings a fresh Debian 12 + Node 20 machine to a runnable state, doing only what is missing:
//   1. system packages (libtorch-dev, libopenblas0-pthread; with --test also chromium and mosquitto,
//      which the browser and external-broker tests drive) via apt when root, else prints the command;
//   2. `npm ci` when node_modules does not match package-lock.json;
//   3. the native addon (node-gyp) when it is missing or older than its sources.
// Dependency-free on purpose: it runs before node_modules exists.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const buildOnly = process.argv.includes("--build-only");
const forTests = process.argv.includes("--test");
const extraApt = (process.env.VIGIL_APT_EXTRA ?? "").split(/\s+/).filter(Boolean);

function log(msg) {
  console.error(`[bootstrap] ${msg}`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });
  if (r.status !== 0) {
    log(`failed: ${cmd} ${args.join(" ")} (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

function dpkgInstalled(pkg) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query format, not a JS template
  const r = spawnSync("dpkg-query", ["-W", "-f=${Status}", pkg], { encoding: "utf8" });
  return r.status === 0 && r.stdout.includes("install ok installed");
}

function ensureSystemPackages() {
  const wanted = ["libopenblas0-pthread", ...extraApt];
  if (forTests) wanted.push("chromium", "mosquitto");
  if (!process.env.LIBTORCH) wanted.push("libtorch-dev");
  const missing = wanted.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) {
    log(`missing system packages: ${missing.join(", ")}`);
    log(`install them with:  sudo sh -c '${cmd}'`);
    process.exit(1);
  }
  log(`installing system packages: ${missing.join(", ")} (one-time, a few minutes)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], { env });
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { env });
}

function ensureNodeModules() {
  const lock = join(root, "package-lock.json");
  const stamp = join(root, "node_modules", ".vigil-lock.sha256");
  const hash = createHash("sha256").update(readFileSync(lock)).digest("hex");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  log("node_modules is missing or stale: running npm ci");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
  writeFileSync(stamp, hash);
}

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

function ensureAddon() {
  const pkg = join(root, "packages", "torch-native");
  const binary = join(pkg, "build", "Release", "vigil_torch.node");
  const sources = Math.max(newestMtime(join(pkg, "src")), statSync(join(pkg, "binding.gyp")).mtimeMs);
  if (existsSync(binary) && statSync(binary).mtimeMs >= sources && !process.env.VIGIL_REBUILD) return;
  log("building the native engine (libtorch binding), about a minute");
  const gyp = join(root, "node_modules", "node-gyp", "bin", "node-gyp.js");
  const args = [gyp, "rebuild", "--jobs=max"];
  // Build against the running Node's headers when they are installed, so nothing is downloaded.
  const nodeDir = dirname(dirname(process.execPath));
  if (existsSync(join(nodeDir, "include", "node", "node_api.h"))) args.push(`--nodedir=${nodeDir}`);
  run(process.execPath, args, { cwd: pkg });
}

if (!buildOnly) ensureSystemPackages();
if (!buildOnly) ensureNodeModules();
ensureAddon();
