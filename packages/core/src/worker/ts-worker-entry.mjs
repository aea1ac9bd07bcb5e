// Worker bootstrap for startTsWorker(): registers tsx, then loads the TypeScript module.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
