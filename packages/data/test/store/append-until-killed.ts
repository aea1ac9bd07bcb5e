// Child process of the durability test: appends batches to a store and prints "ack N" after the N-th
// batch's append resolved, until its parent kills it with SIGKILL.
import { DuckDbStore } from "../../src/store/index.ts";

const [workspace, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const store = new DuckDbStore(workspace!);
const asset = { site: "site-1", machine: "magnet-1" };
for (let batch = 0; ; batch++) {
  const timestamps = BigInt64Array.from({ length: rows }, (_, i) => BigInt(batch * rows + i));
  const values = Float64Array.from({ length: rows }, (_, i) => batch * rows + i);
  await store.appendSeries({ asset, timestamps, channels: [{ name: "x", kind: "other" }], values: [values] });
  process.stdout.write(`ack ${batch}\n`);
}
