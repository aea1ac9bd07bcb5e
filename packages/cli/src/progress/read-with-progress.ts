import type { Series } from "@vigil/core";
import { readSeries } from "@vigil/data/readers";
import { stepProgress } from "./step-progress.ts";

/** Reads a series file with a progress bar in MB. */
export async function readWithProgress(path: string): Promise<Series> {
  const progress = stepProgress(`reading ${path}`, "MB");
  const mb = (bytes: number) => Math.ceil(bytes / 1e6);
  try {
    const { series } = await readSeries(path, {
      onProgress: ({ bytesRead, totalBytes }) => progress.update(mb(bytesRead), mb(totalBytes)),
    });
    return series;
  } finally {
    progress.stop();
  }
}
