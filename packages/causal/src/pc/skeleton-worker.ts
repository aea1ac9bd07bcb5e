/**
 * Worker side of pcParallel: builds the CI test once from the data it was started with, then answers batches
 * of pair tasks with their separating sets. Started through startTsWorker, so workerData is {module, data}.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createCITest } from "../citest/factory.ts";
import type { SkeletonWorkerData, SkeletonWorkerReply, SkeletonWorkerRequest } from "./parallel-pc.ts";
import { separate } from "./skeleton.ts";

const init = (workerData as { data: SkeletonWorkerData }).data;
const test = createCITest(init.test, { names: init.names, columns: init.columns }, init.cmi);

parentPort?.on("message", (request: SkeletonWorkerRequest) => {
  const results = request.tasks.map((task) => separate(test, task, request.level, request.alpha));
  const reply: SkeletonWorkerReply = { id: request.id, results };
  parentPort?.postMessage(reply);
});
