/**
 * Store throughput: readings per second appended and time-range-queried through the DuckDB Store,
 * against DuckDB's own read_csv of the same data written as one CSV file (the reference ratio): its
 * ingest, and range queries over the CSV file and over the wide table read_csv loaded it into.
 * Data: one simulated cryogenic magnet (11 channels at 10 s). Each trial runs in a fresh process;
 * the report gives medians over trials and store / reference ratios.
 * Usage: node --import tsx bench/store/run.ts [days=60] [trials=5]
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Series } from "@vigil/core/series";
import { simulateCryoFleet } from "@vigil/data/simulate";

const NS_PER_DAY = 86_400_000_000_000n;
const QUERY_DAYS = 1;
const QUERIES = 20;

/** Stored readings (non-missing values) of a series. */
const readings = (s: Series): number =>
  s.values.reduce((n, v) => n + v.filter((x) => !Number.isNaN(x)).length, 0);

function magnet(days: number): Series {
  return simulateCryoFleet({ seed: 1, sites: 1, magnetsPerSite: 1, days, baseSampleSeconds: 10 }).magnets[0]!
    .series;
}

/** Query windows: QUERIES one-day windows at evenly spread starts (same in every trial). */
function windows(s: Series): { from: bigint; to: bigint }[] {
  const first = s.timestamps[0]!;
  const span = s.timestamps[s.timestamps.length - 1]! - first - BigInt(QUERY_DAYS) * NS_PER_DAY;
  return Array.from({ length: QUERIES }, (_, k) => {
    const from = first + (span * BigInt(k)) / BigInt(QUERIES - 1);
    return { from, to: from + BigInt(QUERY_DAYS) * NS_PER_DAY };
  });
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await work();
  return [result, (performance.now() - t0) / 1000];
}

async function trialStore(dir: string, days: number, batchRows: number): Promise<Record<string, number>> {
  const { DuckDbStore } = await import("@vigil/data/store");
  const { sliceByIndex } = await import("@vigil/core/series");
  const s = magnet(days);
  const store = await new DuckDbStore(dir).ready();
  const [written, appendSeconds] = await timed(async () => {
    let n = 0;
    for (let i = 0; i < s.timestamps.length; i += batchRows) {
      n += await store.appendSeries(sliceByIndex(s, i, Math.min(s.timestamps.length, i + batchRows)));
    }
    return n;
  });
  const [returned, querySeconds] = await timed(async () => {
    let n = 0;
    for (const w of windows(s)) n += readings(await store.querySeries({ asset: s.asset!, ...w }));
    return n;
  });
  await store.close();
  return { written, appendSeconds, returned, querySeconds };
}

/** `source` "csv" queries the CSV file itself, "table" the table read_csv loaded it into. */
async function trialReference(dir: string, days: number, source: string): Promise<Record<string, number>> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const s = magnet(days);
  const csv = join(dir, "magnet.csv");
  const connection = await (await DuckDBInstance.create(join(dir, "reference.duckdb"))).connect();
  const [, appendSeconds] = await timed(() =>
    connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}', nullstr = 'NaN')`),
  );
  // Every value of the window is brought into JS, as the store does.
  const [returned, querySeconds] = await timed(async () => {
    let n = 0;
    for (const w of windows(s)) {
      const from = source === "table" ? "t" : `read_csv('${csv}', nullstr = 'NaN')`;
      const result = await connection.stream(`SELECT * FROM ${from} WHERE ts >= $1 AND ts < $2`, [
        w.from,
        w.to,
      ]);
      for (
        let chunk = await result.fetchChunk();
        chunk !== null && chunk.rowCount > 0;
        chunk = await result.fetchChunk()
      ) {
        for (let c = 1; c < chunk.columnCount; c++) {
          const vector = chunk.getColumnVector(c);
          for (let i = 0; i < chunk.rowCount; i++) if (vector.getItem(i) !== null) n++;
        }
      }
    }
    return n;
  });
  return { written: readings(s), appendSeconds, returned, querySeconds };
}

async function writeCsv(path: string, s: Series): Promise<void> {
  const lines = [`ts,${s.channels.map((c) => c.name).join(",")}`];
  for (let i = 0; i < s.timestamps.length; i++)
    lines.push(`${s.timestamps[i]},${s.values.map((v) => v[i]).join(",")}`);
  await writeFile(path, `${lines.join("\n")}\n`);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// Trial processes: role, directory, days, then the batch rows (store) or the query source (reference).
const [, , role, dirArg, daysArg, trialArg] = process.argv;
if (role === "--trial-store") {
  console.log(JSON.stringify(await trialStore(dirArg!, Number(daysArg), Number(trialArg))));
} else if (role === "--trial-reference") {
  console.log(JSON.stringify(await trialReference(dirArg!, Number(daysArg), trialArg!)));
} else {
  const days = Number(process.argv[2] ?? 60);
  const trials = Number(process.argv[3] ?? 5);
  const base = await mkdtemp(join(tmpdir(), "vigil-bench-store-"));
  const s = magnet(days);
  console.log(
    `one magnet: ${s.timestamps.length} rows × ${s.channels.length} channels = ${readings(s)} readings; ${trials} trials each, fresh process`,
  );
  const runs: Record<string, Record<string, number>[]> = {};
  for (let t = 0; t < trials; t++) {
    for (const [name, args] of [
      ["store, one append", ["--trial-store", String(s.timestamps.length)]],
      ["store, 1,000-row appends", ["--trial-store", "1000"]],
      ["reference read_csv", ["--trial-reference", "csv"]],
      ["read_csv into a table", ["--trial-reference", "table"]],
    ] as const) {
      const dir = join(base, `${t}-${name.replace(/\W+/g, "-")}`);
      await rm(dir, { recursive: true, force: true });
      spawnSync("mkdir", ["-p", dir]);
      if (args[0] === "--trial-reference") await writeCsv(join(dir, "magnet.csv"), s);
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", import.meta.filename, args[0], dir, String(days), args[1]],
        {
          encoding: "utf8",
        },
      );
      if (child.status !== 0) throw new Error(`${name} trial failed: ${child.stderr}`);
      (runs[name] ??= []).push(JSON.parse(child.stdout.trim().split("\n").pop()!));
      console.error(`trial ${t + 1}/${trials}: ${name} done`);
      await rm(dir, { recursive: true, force: true });
    }
  }
  await rm(base, { recursive: true, force: true });
  const rate = (name: string, count: string, seconds: string): number =>
    median(runs[name]!.map((r) => r[count]! / r[seconds]!));
  const reference = {
    append: rate("reference read_csv", "written", "appendSeconds"),
    query: rate("reference read_csv", "returned", "querySeconds"),
  };
  console.log(
    `${"".padEnd(26)} ${"append readings/s".padStart(18)} ${"ratio".padStart(6)} ${`${QUERIES}×${QUERY_DAYS}-day queries readings/s`.padStart(34)} ${"ratio".padStart(6)}`,
  );
  for (const name of Object.keys(runs)) {
    const append = rate(name, "written", "appendSeconds");
    const query = rate(name, "returned", "querySeconds");
    console.log(
      `${name.padEnd(26)} ${append.toExponential(3).padStart(18)} ${(append / reference.append).toFixed(2).padStart(6)} ${query.toExponential(3).padStart(34)} ${(query / reference.query).toFixed(2).padStart(6)}`,
    );
  }
}
