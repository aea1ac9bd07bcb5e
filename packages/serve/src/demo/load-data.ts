import { basename, extname } from "node:path";
import type { AssetRef } from "@vigil/core/series";
import { readSeries } from "@vigil/data/readers";
import { startTrainJob } from "../jobs/index.ts";
import type { Service } from "../service.ts";
import { waitForJob } from "./fleet-demo.ts";

export interface LoadDataOptions {
  /** A CSV/TSV, JSON Lines, Parquet or Arrow file. */
  file: string;
  /** Default: site "data", machine from the file name. */
  asset: AssetRef | undefined;
  detector: string;
  log: (line: string) => void;
}

/**
 * `vigil serve --data <file>`: stores a file of real readings and trains the asset's first model on
 * all of it, taken as its normal history; live readings then arrive over MQTT or HTTP. Malformed rows
 * fail the load with their line and column rather than training on a partial file.
 */
export async function loadDataAndTrain(service: Service, options: LoadDataOptions): Promise<string> {
  const machine =
    basename(options.file, extname(options.file)).replace(/[^A-Za-z0-9._:-]/g, "-") || "machine";
  const asset = options.asset ?? { site: "data", machine };
  const { series, ignoredColumns } = await readSeries(options.file);
  const stored = await service.store.appendSeries({ ...series, asset });
  options.log(
    `data: stored ${stored} readings of ${series.channels.length} channels from ${options.file} as ${asset.site}/${asset.machine}` +
      (ignoredColumns.length > 0 ? ` (ignored non-numeric columns: ${ignoredColumns.join(", ")})` : ""),
  );
  const job = startTrainJob(service, { asset, detector: options.detector, status: "active" });
  await waitForJob(service, job.id);
  const model = service.jobs.get(job.id)!.model!;
  options.log(`data: model ${model} active for ${asset.site}/${asset.machine}`);
  return model;
}
