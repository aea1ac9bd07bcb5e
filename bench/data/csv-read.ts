/**
 * CSV read throughput: Vigil's streaming reader (readCsvChunks) against DuckDB's read_csv on the
 * same file, each trial in a fresh process, median of N trials and the ratio.
 * Usage: node --import tsx bench/data/csv-read.ts [megabytes=100] [trials=3]
 */
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatTimestamp } from "@vigil/core/time";

const [, , role, path] = process.argv;

async function trialVigil(file: string): Promise<void> {
  const { readCsvChunks } = await import("@vigil/data/readers");
  let rows = 0;
  for await (const chunk of readCsvChunks(file)) rows += chunk.series.timestamps.length;
  console.log(rows);
}

async function trialDuckdb(file: string): Promise<void> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  // Materialise every column (as the Vigil reader does), not just a count.
  const reader = await connection.runAndReadAll(
    `CREATE TABLE t AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}'); SELECT count(*) FROM t`,
  );
  console.log(String(reader.getRows()[0]?.[0]));
}

async function writeCsv(file: string, bytes: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("time,a,b,c\n");
  let written = 0;
  for (let row = 0; written < bytes; ) {
    let block = "";
    for (let k = 0; k < 10_000; k++, row++) {
      block += `${formatTimestamp(1_700_000_000_000_000_000n + BigInt(row) * 10_000_000n)},${row},${(row % 1000) / 8},${(row % 97) - 48.5}\n`;
    }
    written += block.length;
    if (!out.write(block)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

async function main(): Promise<void> {
  const megabytes = Number(process.argv[2] ?? 100);
  const trials = Number(process.argv[3] ?? 3);
  const dir = await mkdtemp(join(tmpdir(), "vigil-bench-csv-"));
  try {
    const file = join(dir, "bench.csv");
    await writeCsv(file, megabytes * 1e6);
    const size = (await stat(file)).size / 1e6;
    const times: Record<string, number[]> = { vigil: [], duckdb: [] };
    const rows: Record<string, string> = {};
    for (let t = 0; t < trials; t++) {
      for (const who of ["vigil", "duckdb"]) {
        const started = performance.now();
        const run = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, who, file], {
          encoding: "utf8",
        });
        if (run.status !== 0) throw new Error(`${who} trial failed: ${run.stderr}`);
        times[who]!.push((performance.now() - started) / 1000);
        rows[who] = run.stdout.trim();
      }
    }
    const v = median(times.vigil!);
    const d = median(times.duckdb!);
    console.log(
      `file: ${size.toFixed(0)} MB, rows: vigil ${rows.vigil}, duckdb ${rows.duckdb}; ${trials} trials, fresh process each (incl. ~0.5 s start-up)`,
    );
    console.log(`vigil readCsvChunks: median ${v.toFixed(2)} s (${(size / v).toFixed(0)} MB/s)`);
    console.log(`duckdb read_csv:     median ${d.toFixed(2)} s (${(size / d).toFixed(0)} MB/s)`);
    console.log(`ratio vigil / duckdb: ${(v / d).toFixed(2)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (role === "vigil") await trialVigil(path!);
else if (role === "duckdb") await trialDuckdb(path!);
else await main();
