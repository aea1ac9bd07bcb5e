import { writeFile } from "node:fs/promises";
import { createRng } from "@vigil/core/random";
import { formatTimestamp } from "@vigil/core/time";

export const FIXTURE_CHANNELS = ["a", "b", "c"];
/** Steps of the scored file where channel "b" is offset. */
export const FAULT = { channel: "b", start: 300, end: 340 };

/**
 * A small sensor CSV (ISO time column, 1 s steps): three noisy periodic channels, "b" and "c"
 * coupled; with `fault`, "b" is raised by 3 on FAULT's steps, breaking its coupling with "c".
 */
export async function writeFixtureCsv(path: string, steps: number, seed: number, fault: boolean) {
  const rng = createRng(seed);
  const noise = () => 0.1 * rng.normal();
  const start = 1_700_000_000_000_000_000n;
  const lines = ["time,a,b,c"];
  for (let t = 0; t < steps; t++) {
    const s = Math.sin((2 * Math.PI * t) / 40);
    const a = Math.cos((2 * Math.PI * t) / 25) + noise();
    let b = s + noise();
    const c = 0.8 * s + noise();
    if (fault && t >= FAULT.start && t < FAULT.end) b += 3;
    lines.push(`${formatTimestamp(start + BigInt(t) * 1_000_000_000n)},${a},${b},${c}`);
  }
  await writeFile(path, `${lines.join("\n")}\n`);
}
