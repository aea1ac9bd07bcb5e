// Child process of restart.serial.test.ts: stores and streams the live series into a scorer, reporting
// on stdout each pushed row and each event, until the parent kills it with SIGKILL.
import { join } from "node:path";
import { sliceByIndex } from "@vigil/core/series";
import { DuckDbStore } from "@vigil/data/store";
import { ModelRegistry } from "@vigil/detect/registry";
import { createStreamScorer } from "../../src/stream/index.ts";
import { syntheticSeries } from "../models/synthetic-asset.ts";
import { LIVE } from "./crash-plan.ts";
import { readingsOf } from "./stream-helpers.ts";

const home = process.argv[2]!;
const store = await new DuckDbStore(home, { threads: 1 }).ready();
const registry = new ModelRegistry({ dir: join(home, "models") });
const scorer = await createStreamScorer({
  store,
  registry,
  home,
  windowStride: 5,
  snapshotIntervalMs: 20,
  retrain: false,
});
scorer.subscribe({ event: (e, _x, phase) => process.stdout.write(`event ${phase} ${e.id}\n`) });
const live = syntheticSeries(LIVE);
const readings = readingsOf(live);
const perRow = live.channels.length;
for (let row = 0; row < live.timestamps.length; row += 5) {
  // As the service's ingest does: a reading is durable in the Store before the scorer sees it.
  await store.appendSeries(sliceByIndex(live, row, row + 5));
  await scorer.push(readings.slice(row * perRow, (row + 5) * perRow));
  process.stdout.write(`pushed ${row + 4}\n`);
  await new Promise((resolve) => setTimeout(resolve, 15));
}
// Never reached in the test: the parent kills the process while the anomaly lasts.
await scorer.close();
await store.close();
