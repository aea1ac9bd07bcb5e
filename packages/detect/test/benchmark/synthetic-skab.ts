import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRng } from "@vigil/core/random";

export const SYNTHETIC_ROWS = 1000;
/** Rows [ANOMALY_START, ANOMALY_END) are anomalous in every synthetic file: all in the test part (row ≥ 400). */
export const ANOMALY_START = 600;
export const ANOMALY_END = 800;

const HEADER =
  "datetime;Accelerometer1RMS;Accelerometer2RMS;Current;Pressure;Temperature;Thermocouple;Voltage;Volume Flow RateRMS;anomaly;changepoint";

/** A leaderboard in the layout of shared/data/skab/README.md, with made-up rows. */
export const SYNTHETIC_README = `# SKAB (synthetic)

### Current leaderboard — outlier detection (test parts only)
| Algorithm | F1 | FAR, % | MAR, % |
|---|---|---|---|
| Perfect detector | 1 | 0 | 0 |
| Example-A | 0.7 | 10 | 30 |
| Example-B | 0.2 | 2 | 85 |
| Null detector | 0 | 0 | 100 |

### Current leaderboard — changepoint detection (test parts only, 60 s window to the right of each CP)
| Algorithm | NAB (standard) | NAB (LowFP) | NAB (LowFN) | Missed CPs | FPs |
|---|---|---|---|---|---|
| Perfect detector | 100 | 100 | 100 | 0 | 0 |
| Example-A | 30 | 20 | 40 | 50 | 300 |
| Null detector | 0 | 0 | 0 | - | - |
`;

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DD hh:mm:ss", one row per second from 10:00:00. */
function stamp(second: number): string {
  return `2020-03-09 ${pad(10 + Math.floor(second / 3600))}:${pad(Math.floor(second / 60) % 60)}:${pad(second % 60)}`;
}

/**
 * One SKAB-format file: eight channels driven by two noisy latent signals (so they co-vary as on the testbed),
 * and, on [ANOMALY_START, ANOMALY_END), Pressure shifted by 8 noise SDs against its partners; the changepoint column
 * marks the fault's first and last rows.
 */
function syntheticFile(seed: number): string {
  const rng = createRng(seed);
  const lines = [HEADER];
  for (let t = 0; t < SYNTHETIC_ROWS; t++) {
    const a = Math.sin((2 * Math.PI * t) / 97) + 0.3 * rng.normal();
    const b = Math.cos((2 * Math.PI * t) / 151) + 0.3 * rng.normal();
    const noise = () => 0.05 * rng.normal();
    const anomalous = t >= ANOMALY_START && t < ANOMALY_END;
    const values = [
      0.03 + 0.002 * a + 0.0001 * rng.normal(),
      0.04 + 0.002 * b + 0.0001 * rng.normal(),
      1.3 + 0.2 * a + noise(),
      0.2 + 0.1 * (a + b) + noise() + (anomalous ? 0.4 : 0),
      79 + a + noise(),
      26 + b + noise(),
      233 + 2 * a + noise(),
      32 + b + noise(),
    ];
    const changepoint = t === ANOMALY_START || t === ANOMALY_END - 1 ? 1 : 0;
    lines.push(
      [stamp(t), ...values.map((v) => v.toFixed(6)), anomalous ? "1.0" : "0.0", `${changepoint}.0`].join(";"),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** A temporary directory in SKAB's layout: valve1/0.csv and valve1/1.csv, empty valve2/ and other/, a README. */
export async function writeSyntheticSkab(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "vigil-skab-"));
  for (const group of ["valve1", "valve2", "other"]) await mkdir(join(dir, group));
  await writeFile(join(dir, "valve1", "0.csv"), syntheticFile(1));
  await writeFile(join(dir, "valve1", "1.csv"), syntheticFile(2));
  await writeFile(join(dir, "README.md"), SYNTHETIC_README);
  return dir;
}
