// Worker body of buildDriftReferenceOffThread: one reference, then exit.
import { parentPort, workerData } from "node:worker_threads";
import type { DriftOptions } from "./drift-options.ts";
import { buildDriftReference, type DriftReferenceInput } from "./drift-reference.ts";

const { input, options } = (
  workerData as { data: { input: DriftReferenceInput; options: Partial<DriftOptions> } }
).data;
parentPort!.postMessage(buildDriftReference(input, options));
