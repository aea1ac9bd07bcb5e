import { access, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { parseUcrName } from "./ucr-anomaly.ts";

/** Data-set layouts Vigil recognises from a directory's contents. */
export type DatasetLayout = "skab" | "cmapss" | "ai4i2020" | "slac-rf" | "nab" | "smd" | "ucr-anomaly";

const has = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** The layout of `dir` (by the files each adapter expects), or undefined for a plain file or unknown folder. */
export async function detectDatasetLayout(dir: string): Promise<DatasetLayout | undefined> {
  if (!(await stat(dir)).isDirectory()) return undefined;
  const names = await readdir(dir);
  if (names.includes("valve1") && names.includes("other")) return "skab";
  if (names.some((n) => /^train_FD00\d\.txt$/.test(n))) return "cmapss";
  if (names.includes("ai4i2020.csv")) return "ai4i2020";
  if (await has(join(dir, "raw", "labels_AMPL.csv"))) return "slac-rf";
  if (await has(join(dir, "labels", "combined_windows.json"))) return "nab";
  if (["train", "test", "test_label"].every((n) => names.includes(n))) return "smd";
  if (names.some((n) => parseUcrName(n) !== undefined)) return "ucr-anomaly";
  return undefined;
}
