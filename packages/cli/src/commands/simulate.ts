import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Series } from "@vigil/core/series";
import { formatTimestamp } from "@vigil/core/time";
import { expectInteger, expectNumber, expectOneOf } from "@vigil/core/validate";
import { writeParquet } from "@vigil/data/readers";
import { type CryoMagnet, simulateCryoFleet, simulateRfBeam, writeDagEdgesCsv } from "@vigil/data/simulate";
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

interface RfFlags {
  seed: string;
  hours: string;
  stations: string;
  format: string;
  out: string;
}

/** Station diagnostics as a long, change-only table: one row per report. */
async function writeDiagnosticsCsv(
  path: string,
  stations: ReturnType<typeof simulateRfBeam>["stations"],
): Promise<void> {
  const lines = ["timestamp,station,signal,value"];
  for (const station of stations) {
    for (const [signal, series] of [
      ["amplitude", station.amplitude],
      ["status", station.status],
      ["in_use", station.inUse],
    ] as const) {
      for (let i = 0; i < series.timestampsNs.length; i++)
        lines.push(
          `${formatTimestamp(series.timestampsNs[i]!)},${station.name},${signal},${series.values[i]}`,
        );
    }
  }
  await writeFile(path, `${lines.join("\n")}\n`);
}

async function simulateRf(flags: RfFlags): Promise<void> {
  const options = {
    seed: expectInteger("--seed", Number(flags.seed), 0, 2 ** 32 - 1),
    durationSeconds: expectNumber("--hours", Number(flags.hours), 1 / 60, 24 * 14) * 3600,
    stations: expectInteger("--stations", Number(flags.stations), 2, 1000),
  };
  const format = expectOneOf("--format", flags.format, FORMATS);
  await mkdir(flags.out, { recursive: true });
  console.error(`simulating ${options.stations} RF stations and 120 Hz beam for ${flags.hours} h…`);
  const sim = simulateRfBeam(options);
  const beamFile = `beam.${format}`;
  if (format === "csv") await writeCsv(join(flags.out, beamFile), sim.beam);
  else await writeParquet(join(flags.out, beamFile), sim.beam);
  console.error(`wrote ${beamFile} (${sim.beam.timestamps.length} pulses)`);
  await writeDiagnosticsCsv(join(flags.out, "diagnostics.csv"), sim.stations);
  const iso = formatTimestamp;
  const truth = {
    generator: "vigil simulate rf",
    options: { ...options },
    anomalies: sim.truth.anomalies.map((a) => ({
      station: sim.stations[a.station]!.name,
      kind: a.kind,
      onset: iso(a.onsetNs),
      end: iso(a.endNs),
      depth: a.depth,
    })),
    statusFalseAlarms: sim.truth.ammFalseAlarms.map((f) => ({
      station: sim.stations[f.station]!.name,
      time: iso(f.timeNs),
    })),
    misconfiguredStations: sim.truth.misconfiguredStations.map((k) => sim.stations[k]!.name),
    kickedPulses: sim.truth.kickedRows.length,
    duplicatedRows: sim.truth.duplicatedRows.length,
  };
  await writeFile(join(flags.out, "labels.json"), `${JSON.stringify(truth, null, 2)}\n`);
  console.log(
    `${sim.beam.timestamps.length} pulses, ${sim.stations.length} stations, ${truth.anomalies.length} RF anomalies: ${beamFile}, diagnostics.csv and labels.json in ${flags.out}`,
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
  simulate
    .command("rf")
    .description(
      "accelerator RF stations (change-only amplitude and status bits) and 120 Hz beam pulses with faults, false alarms and labels",
    )
    .option("--seed <n>", "seed: the same seed gives the same files", "1")
    .option("--hours <h>", "simulated hours", "1")
    .option("--stations <n>", "RF stations", "82")
    .option("--format <f>", "csv | parquet (beam pulses)", "parquet")
    .option("--out <dir>", "output directory", "rf-beam")
    .action(simulateRf);
}
