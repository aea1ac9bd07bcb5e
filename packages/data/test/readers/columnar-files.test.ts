import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { VigilInputError } from "@vigil/core/errors";
import { seriesFromColumns } from "@vigil/core/series";
import { readArrow, readParquet, readSeries, writeArrow, writeParquet } from "@vigil/data/readers";
import { Float64, makeVector, Table, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";

const dir = await mkdtemp(join(tmpdir(), "vigil-columnar-"));
after(() => rm(dir, { recursive: true, force: true }));

// ns-precision times that a double (or a Date) could not hold exactly.
const series = seriesFromColumns({
  asset: { site: "plant-1", machine: "pump-7" },
  timestamps: [1_600_000_000_123_456_789n, 1_600_000_000_123_456_790n, 1_600_000_001_000_000_001n],
  channels: [
    { name: "p", kind: "pressure", unit: "bar", role: "sensor" },
    { name: "mode", kind: "setting", role: "setting" },
    "x",
  ],
  values: [
    [1.5, Number.NaN, -3],
    [0, 1, 1],
    [1e300, -0, 5e-324],
  ],
  labels: [
    { start: 1_600_000_000_123_456_790n, end: 1_600_000_001_000_000_001n, type: "anomaly", channel: "p" },
  ],
});

for (const compression of ["zstd", "snappy", "gzip", "none"] as const) {
  test(`Parquet round trip (${compression}) keeps ns times, NaN, channel info, labels and asset`, async () => {
    const path = join(dir, `s-${compression}.parquet`);
    await writeParquet(path, series, { compression, rowGroupRows: 2 });
    const r = await readParquet(path);
    assert.deepEqual(r.series, series);
  });
}

test("Arrow IPC round trip, and readSeries picks readers by extension", async () => {
  const path = join(dir, "s.arrow");
  await writeArrow(path, series);
  assert.deepEqual((await readArrow(path)).series, series);
  await writeParquet(join(dir, "s.pq"), series);
  assert.deepEqual((await readSeries(join(dir, "s.pq"))).series, series);
  await assert.rejects(readSeries(join(dir, "s.xlsx")), /Cannot tell the format/);
});

test("foreign Arrow table: epoch-ms integer time column, nulls → NaN, text ignored", async () => {
  const table = new Table({ time: makeVector(BigInt64Array.from([1_000n, 2_000n, 3_500n])) });
  const full = table
    .assign(new Table({ v: vectorFromArray([1, null, 3], new Float64()) }))
    .assign(new Table({ name: vectorFromArray(["a", "b", "c"], new Utf8()) }));
  const path = join(dir, "foreign.arrow");
  await writeFile(path, tableToIPC(full, "stream"));
  const r = await readArrow(path);
  assert.deepEqual(r.ignoredColumns, ["name"]);
  // 1000 is below 1e11, so it is read as seconds.
  assert.deepEqual([...r.series.timestamps], [1_000_000_000_000n, 2_000_000_000_000n, 3_500_000_000_000n]);
  assert.deepEqual([...r.series.values[0]!], [1, Number.NaN, 3]);
});

test("not a Parquet / Arrow file, and unsorted columnar times, are input errors", async () => {
  const path = join(dir, "garbage.parquet");
  await writeFile(path, "this is not parquet at all");
  await assert.rejects(
    readParquet(path),
    (e: unknown) => e instanceof VigilInputError && /expected a Parquet file/.test(e.message),
  );
  await assert.rejects(readArrow(path), VigilInputError);
  const unsorted = new Table({ timestamp: makeVector(BigInt64Array.from([2_000_000_000n, 1_000_000_000n])) });
  await writeFile(join(dir, "unsorted.arrow"), tableToIPC(unsorted, "file"));
  await assert.rejects(
    readArrow(join(dir, "unsorted.arrow")),
    /line 2, column timestamp: expected timestamps in non-decreasing order/,
  );
});
