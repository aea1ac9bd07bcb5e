import { spawnSync } from "node:child_process";

/**
 * Runs `script --trial ...args` in a fresh Node process (tsx loaded) and parses the JSON line it prints, so
 * that no trial inherits another's JIT state, caches or heap.
 */
export function trialInFreshProcess<T>(script: string, args: readonly string[]): T {
  const out = spawnSync(process.execPath, ["--import", "tsx", new URL(script).pathname, "--trial", ...args], {
    encoding: "utf8",
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split("\n").at(-1) as string) as T;
}

export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
