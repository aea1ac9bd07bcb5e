import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { VigilInputError } from "@vigil/core/errors";
import { readJsonLines, readSeries } from "@vigil/data/readers";

const events = fileURLToPath(new URL("../fixtures/events.jsonl", import.meta.url));
const S = 1_000_000_000n;

test("JSON Lines: fail policy names the line and column of the first malformed object", async () => {
  await assert.rejects(readJsonLines(events), (e: unknown) => {
    assert.ok(e instanceof VigilInputError);
    assert.equal(e.line, 4);
    assert.match(e.message, /expected a JSON object/);
    return true;
  });
});

test("JSON Lines: skip policy counts bad lines; channels appear as first seen", async () => {
  const r = await readJsonLines(events, { onError: "skip" });
  assert.equal(r.skippedRows, 3);
  assert.deepEqual(
    r.errors.map((e) => e.line),
    [4, 5, 6],
  );
  assert.equal(r.errors[2]?.column, "temp");
  assert.deepEqual(r.ignoredColumns, ["site"]);
  assert.deepEqual(
    r.series.channels.map((c) => c.name),
    ["temp", "pump", "pressure"],
  );
  assert.deepEqual([...r.series.timestamps], [1_700_000_000n * S, 1_700_000_001n * S, 1_700_000_004n * S]);
  assert.deepEqual([...r.series.values[0]!], [20.5, Number.NaN, 22.5]);
  assert.deepEqual([...r.series.values[1]!], [1, 0, 0]);
  assert.deepEqual([...r.series.values[2]!], [Number.NaN, 1.25, 1.5]);
});

test("readSeries dispatches .jsonl and .csv by extension with the same policy", async () => {
  const viaReadSeries = await readSeries(events, { onError: "skip" });
  assert.deepEqual(viaReadSeries.series, (await readJsonLines(events, { onError: "skip" })).series);
  const csv = await readSeries(fileURLToPath(new URL("../fixtures/malformed.csv", import.meta.url)), {
    onError: "skip",
  });
  assert.equal(csv.skippedRows, 5);
  await assert.rejects(readSeries(events), VigilInputError);
});
