import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { VigilInputError } from "@vigil/core/errors";
import { concatSeries } from "@vigil/core/series";
import { parseTimestamp } from "@vigil/core/time";
import { type ReadProgress, readCsv, readCsvChunks } from "@vigil/data/readers";

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

test("semicolon, decimal comma, zoned ISO times; text column set aside", async () => {
  const r = await readCsv(fixture("semicolon-decimal-comma.csv"));
  assert.deepEqual(r.dialect, { delimiter: ";", hasHeader: true, decimalComma: true });
  assert.deepEqual(
    r.series.channels.map((c) => c.name),
    ["druck", "temperatur"],
  );
  assert.deepEqual(r.ignoredColumns, ["status"]);
  assert.deepEqual([...r.series.values[0]!], [1.5, 1.75, -2]);
  assert.deepEqual([...r.series.values[1]!], [20.25, Number.NaN, 21]);
  assert.equal(r.series.timestamps[0], parseTimestamp("2024-01-15T07:00:00Z"));
  assert.equal(r.series.timestamps[2], parseTimestamp("2024-01-15T07:00:02.5Z"));
});

test("tab-separated with epoch milliseconds in a time-named column", async () => {
  const r = await readCsv(fixture("epoch-ms.tsv"));
  assert.equal(r.dialect.delimiter, "\t");
  assert.deepEqual(
    [...r.series.timestamps],
    [1_700_000_000_000_000_000n, 1_700_000_000_500_000_000n, 1_700_000_001_000_000_000n],
  );
  assert.deepEqual([...r.series.values[1]!], [3, Number.NaN, 5]);
});

test("pipe-delimited without header: generated names, rows 1 s apart", async () => {
  const r = await readCsv(fixture("no-header-pipe.txt"));
  assert.deepEqual(r.dialect, { delimiter: "|", hasHeader: false, decimalComma: false });
  assert.deepEqual(
    r.series.channels.map((c) => c.name),
    ["col1", "col2", "col3"],
  );
  assert.deepEqual([...r.series.values[2]!], [3, 6, 0.9]);
  assert.deepEqual([...r.series.timestamps], [0n, 1_000_000_000n, 2_000_000_000n]);
});

test("quotes with delimiters, newlines and doubled quotes; CRLF, BOM and blank lines", async () => {
  const r = await readCsv(fixture("quoted-crlf-bom.csv"));
  assert.equal(r.series.channels[0]?.name, "value");
  assert.deepEqual(r.ignoredColumns, ["note"]);
  assert.deepEqual([...r.series.values[0]!], [1, 2, 3, 4]);
  assert.equal(r.series.timestamps[3], parseTimestamp("2024-01-01T00:00:03Z"));
});

test("malformed rows: fail names line and column; skip counts every one", async () => {
  await assert.rejects(readCsv(fixture("malformed.csv")), (e: unknown) => {
    assert.ok(e instanceof VigilInputError);
    assert.equal(e.line, 3);
    assert.equal(e.column, "b");
    assert.match(
      e.message,
      /malformed\.csv, line 3, column b: expected 3 fields separated by "," but found 2/,
    );
    return true;
  });
  const r = await readCsv(fixture("malformed.csv"), { onError: "skip" });
  assert.equal(r.skippedRows, 5);
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.column]),
    [
      [3, "b"],
      [4, "a"],
      [6, "time"],
      [7, "time"],
      [8, 4],
    ],
  );
  assert.match(r.errors[1]!.message, /expected a number .* but found "x5"/);
  assert.match(r.errors[2]!.message, /expected a timestamp .* but found "yesterday"/);
  assert.match(r.errors[3]!.message, /non-decreasing/);
  assert.deepEqual([...r.series.values[0]!], [1, 7, Number.NaN]);
  assert.deepEqual([...r.series.values[1]!], [2, 8, 16]);
});

test("unterminated quote and empty file are input errors", async () => {
  await assert.rejects(readCsv(fixture("unterminated-quote.csv")), /line 3: expected a closing double quote/);
  const r = await readCsv(fixture("unterminated-quote.csv"), { onError: "skip" });
  assert.equal(r.series.timestamps.length, 1);
  assert.equal(r.skippedRows, 1);
  await assert.rejects(
    readCsv(fixture("empty.csv")),
    (e: unknown) => e instanceof VigilInputError && /empty/.test(e.message),
  );
});

test("options are validated", async () => {
  await assert.rejects(
    readCsv(fixture("epoch-ms.tsv"), { delimitr: ";" } as never),
    /Unknown option "delimitr"/,
  );
  await assert.rejects(
    readCsv(fixture("epoch-ms.tsv"), { onError: "ignore" as never }),
    /one of "fail", "skip"/,
  );
  await assert.rejects(readCsv(fixture("epoch-ms.tsv"), { timeColumn: "nope" }), /timeColumn/);
});

test("chunked reading equals whole-file reading and reports progress up to the file size", async () => {
  const whole = await readCsv(fixture("malformed.csv"), { onError: "skip" });
  const progress: ReadProgress[] = [];
  const chunks = [];
  for await (const chunk of readCsvChunks(fixture("malformed.csv"), {
    onError: "skip",
    chunkRows: 1,
    chunkBytes: 16,
    onProgress: (p) => progress.push(p),
  })) {
    chunks.push(chunk);
  }
  assert.equal(chunks.length, 3);
  const joined = concatSeries(chunks.map((c) => c.series));
  assert.deepEqual(joined.values, whole.series.values);
  assert.deepEqual(joined.timestamps, whole.series.timestamps);
  assert.equal(chunks.at(-1)?.skippedRows, 5);
  assert.ok(progress.length > 5);
  assert.ok(progress.every((p, i) => i === 0 || p.bytesRead >= progress[i - 1]!.bytesRead));
  assert.equal(progress.at(-1)?.bytesRead, progress.at(-1)?.totalBytes);
});
