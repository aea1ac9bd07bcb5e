import assert from "node:assert/strict";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { formatTimestamp } from "@vigil/core/time";
import { readCsvChunks } from "@vigil/data/readers";

const heavy = process.env.VIGIL_HEAVY === "1";
const TARGET_BYTES = Number(process.env.VIGIL_BIG_CSV_BYTES ?? 1e9);
const T0 = 1_700_000_000_000_000_000n;

/** Writes rows "ISO time,i,i/8,sin-ish" until the file reaches `bytes`; returns the row count and Σ column b. */
async function writeBigCsv(path: string, bytes: number): Promise<{ rows: number; sumB: number }> {
  const out = createWriteStream(path);
  out.write("time,a,b,c\n");
  let written = 0;
  let rows = 0;
  let sumB = 0;
  while (written < bytes) {
    let block = "";
    for (let k = 0; k < 10_000; k++, rows++) {
      const b = (rows % 1000) / 8;
      sumB += b;
      block += `${formatTimestamp(T0 + BigInt(rows) * 10_000_000n)},${rows},${b},${(rows % 97) - 48.5}\n`;
    }
    written += block.length;
    if (!out.write(block)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return { rows, sumB };
}

test("a ~1 GB CSV is read in chunks with bounded memory and progress", { skip: !heavy }, async () => {
  const dir = await mkdtemp(join(tmpdir(), "vigil-big-csv-"));
  try {
    const path = join(dir, "big.csv");
    const started = performance.now();
    const expected = await writeBigCsv(path, TARGET_BYTES);
    const size = (await stat(path)).size;
    console.error(
      `wrote ${(size / 1e6).toFixed(0)} MB, ${expected.rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let rows = 0;
    let sumB = 0;
    let lastTenth = -1;
    let last = T0 - 1n;
    const readStart = performance.now();
    for await (const chunk of readCsvChunks(path, {
      chunkRows: 65_536,
      onProgress: ({ bytesRead, totalBytes }) => {
        peak = Math.max(peak, process.memoryUsage().rss);
        const tenth = Math.floor((10 * bytesRead) / totalBytes);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          console.error(`read ${(bytesRead / 1e6).toFixed(0)} / ${(totalBytes / 1e6).toFixed(0)} MB`);
        }
      },
    })) {
      const { timestamps, values } = chunk.series;
      assert.ok(timestamps[0]! > last, "chunks follow each other in time");
      last = timestamps[timestamps.length - 1]!;
      rows += timestamps.length;
      for (const v of values[1]!) sumB += v;
    }
    const seconds = (performance.now() - readStart) / 1000;
    const growthMb = (peak - baseline) / 2 ** 20;
    console.error(
      `read ${rows} rows in ${seconds.toFixed(1)} s (${(size / 1e6 / seconds).toFixed(0)} MB/s); RSS growth ${growthMb.toFixed(0)} MB`,
    );
    assert.equal(rows, expected.rows);
    assert.equal(sumB, expected.sumB);
    assert.equal(last, T0 + BigInt(expected.rows - 1) * 10_000_000n);
    assert.ok(growthMb < 300, `RSS grew by ${growthMb.toFixed(0)} MB`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
