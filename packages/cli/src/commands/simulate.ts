import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Series } from "@vigil/core/series";
import { formatTimestamp } from "@vigil/core/time";
import { expectInteger, expectNumber, expectOneOf } from "@vigil/core/validate";
import { writeParquet } from "@vigil/data/readers";
import { type CryoMagnet, simulateCryoFleet, writeDagEdgesCsv } from "@vigil/data/simulate";
import type { Command } from "commander";

interface CryoFlags {
  seed: string;
  sites: string;
  magnets: string;
  days: string;
  faults: string;
  format: string;
  out: string;
}

const FORMATS = ["csv", "parquet"] as const;

/** ISO time column plus one column per channel; missing readings are empty cells. Streamed in blocks. */
async function writeCsv(path: string, series: Series): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`timestamp,${series.channels.map((c) => c.name).join(",")}\n`);
  let block = "";
  for (let i = 0; i < series.timestamps.length; i++) {
    block += formatTimestamp(series.timestamps[i]!);
    for (const column of series.values)
      block += Number.isNaN(column[i]!) ? "," : `,${column[i]!.toPrecision(7)}`;
    block += "\n";
    if (block.length > 1 << 16) {
      await write(block);
      block = "";
    }
  }
  await write(block);
  out.end();
  await once(out, "finish");
}

/** What a magnet's file cannot carry: the ground truth behind it and its site's profile. */
function magnetTruth(m: CryoMagnet, file: string) {
  const iso = formatTimestamp;
  return {
    ...m.series.asset!,
    file,
    rows: m.series.timestamps.length,
    sampleSeconds: m.site.sampleSeconds,
    noiseFactor: m.site.noiseFactor,
    missingRate: m.site.missingRate,
    faults: m.faults.map((f) => ({
      mode: f.mode,
      rootCause: f.rootCause,
      onset: iso(f.onsetNs),
      failure: iso(f.failureNs),
    })),
    labels: (m.series.labels ?? []).map((l) => ({
      type: l.type,
      start: iso(l.start),
      end: iso(l.end),
      ...(l.channel === undefined ? {} : { channel: l.channel }),
    })),
  };
}

async function simulateCryo(flags: CryoFlags): Promise<void> {
  const options = {
    seed: expectInteger("--seed", Number(flags.seed), 0, 2 ** 32 - 1),
    sites: expectInteger("--sites", Number(flags.sites), 1),
    magnetsPerSite: expectInteger("--magnets", Number(flags.magnets), 1),
    days: expectNumber("--days", Number(flags.days), 1 / 24),
    faultsPerMagnet: expectInteger("--faults", Number(flags.faults), 0, 20),
  };
  const format = expectOneOf("--format", flags.format, FORMATS);
  await mkdir(flags.out, { recursive: true });
  const fleet = simulateCryoFleet(options, (done, total) =>
    console.error(`simulated magnet ${done}/${total}`),
  );
  const truth = [];
  for (const [k, m] of fleet.magnets.entries()) {
    const file = `${m.series.asset!.site}_${m.series.asset!.machine}.${format}`;
    if (format === "csv") await writeCsv(join(flags.out, file), m.series);
    else await writeParquet(join(flags.out, file), m.series);
    console.error(`wrote ${file} (${m.series.timestamps.length} rows) ${k + 1}/${fleet.magnets.length}`);
    truth.push(magnetTruth(m, file));
  }
  await writeFile(
    join(flags.out, "labels.json"),
    `${JSON.stringify({ generator: "vigil simulate cryo", options: { ...options }, magnets: truth }, null, 2)}\n`,
  );
  await writeDagEdgesCsv(join(flags.out, "dag_edges.csv"), fleet.dag);
  console.log(
    `${fleet.magnets.length} magnets, labels.json and dag_edges.csv (${fleet.dag.length} edges) in ${flags.out}`,
  );
}

/** `vigil simulate <kind>`: one subcommand per simulator. */
export function registerSimulate(program: Command): void {
  const simulate =
    program.commands.find((c) => c.name() === "simulate") ??
    program.command("simulate").description("Generate labelled data from Vigil's simulators");
  simulate
    .command("cryo")
    .description(
      "cryogenic magnet fleet (N sites × M magnets) from a structural causal model, with faults, labels and the true DAG",
    )
    .option("--seed <n>", "seed: the same seed gives the same files", "1")
    .option("--sites <n>", "sites (sampling rates span 10× from the first to the last)", "3")
    .option("--magnets <n>", "magnets per site", "2")
    .option("--days <d>", "simulated days", "14")
    .option("--faults <n>", "faults per magnet", "1")
    .option("--format <f>", "csv | parquet", "csv")
    .option("--out <dir>", "output directory", "cryo-fleet")
    .action(simulateCryo);
}
