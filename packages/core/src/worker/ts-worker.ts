import { Worker, type WorkerOptions } from "node:worker_threads";

const entry = new URL("./ts-worker-entry.mjs", import.meta.url);

/**
 * Starts a worker thread running a TypeScript module. Vigil runs from TypeScript sources through
 * tsx; a worker needs tsx's loader registered inside it before its module loads, which the plain
 * `execArgv: ["--import", "tsx"]` does not achieve on Node 20.
 */
export function startTsWorker(
  module: URL,
  options: Omit<WorkerOptions, "workerData"> & { workerData?: unknown } = {},
): Worker {
  return new Worker(entry, { ...options, workerData: { module: module.href, data: options.workerData } });
}
