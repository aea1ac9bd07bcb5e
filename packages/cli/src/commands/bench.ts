import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { VigilArgumentError } from "@vigil/core/errors";
import { loadCmapss, loadSkab } from "@vigil/data/datasets";
import type { SkabReportEntry } from "@vigil/detect/benchmark";
import type { Command } from "commander";

interface SkabFlags {
  data: string;
  detector: string;
  config?: string;
  json?: boolean;
}

/** `vigil bench skab`: the SKAB protocol for our detectors, printed beside the README's published rows. */
async function benchSkabCommand(flags: SkabFlags): Promise<void> {
  // Loaded on use: the benchmark pulls in the native engine (the VAE), which other commands never need.
  const { benchmarkDetectorNames, benchSkab, formatSkabTables, parseSkabLeaderboard, skabBenchJson } =
    await import("@vigil/detect/benchmark");
  const { readTrainingConfig } = await import("@vigil/detect/catalog");
  const names = benchmarkDetectorNames(flags.detector);
  if (flags.config !== undefined && names.length > 1)
    throw new VigilArgumentError(
      "Expected --config with one --detector: each detector kind has its own options",
      {
        name: "config",
      },
    );
  const config = flags.config === undefined ? {} : await readTrainingConfig(flags.config);
  const readmePath = join(flags.data, "README.md");
  const leaderboard = parseSkabLeaderboard(await readFile(readmePath, "utf8"), readmePath);
  const experiments = await loadSkab(flags.data);
  const entries: SkabReportEntry[] = [];
  const failed: string[] = [];
  for (const name of names) {
    try {
      entries.push(
        await benchSkab(experiments, name, {
          config,
          configSource: flags.config ?? "defaults",
          onFile: (p) =>
            console.error(
              `[${name}] ${p.index}/${p.total} ${p.name}: train ${p.trainSeconds.toFixed(2)} s, threshold ${p.threshold.toPrecision(4)}, alarms ${(100 * p.alarmRate).toFixed(1)} %`,
            ),
        }),
      );
    } catch (error) {
      // With "all", one detector's failure must not hide the others' rows; it is reported and fails the command.
      if (names.length === 1) throw error;
      const e = error as { code?: string; message?: string };
      console.error(`[${name}] failed: ${e.code ? `[${e.code}] ` : ""}${e.message ?? String(error)}`);
      failed.push(name);
    }
  }
  if (flags.json) {
    const rows = entries.map(skabBenchJson);
    console.log(JSON.stringify(rows.length === 1 && flags.detector !== "all" ? rows[0] : rows, null, 2));
  } else console.log(formatSkabTables(leaderboard, entries));
  if (failed.length > 0) {
    console.error(`vigil bench skab: no result for ${failed.join(", ")} (see above)`);
    process.exitCode = 1;
  }
}

interface CmapssFlags {
  data: string;
  subset: string;
  out: string;
  json?: boolean;
}

/**
 * `vigil bench cmapss`: time to failure on NASA C-MAPSS. Trains the RUL regressor on the subset's
 * run-to-failure units, predicts at each test unit's last cycle and prints RMSE and the PHM08 score
 * beside two baselines of the same run and the README's published rows; writes an SVG of predicted
 * against true RUL per test unit.
 */
async function benchCmapssCommand(flags: CmapssFlags): Promise<void> {
  // Loaded on use, like skab: the regressor pulls in the native engine.
  const { benchRul, formatRulTable, parseCmapssLeaderboard, rulBenchJson, rulChartSvg } = await import(
    "@vigil/detect/prognosis"
  );
  const subset = flags.subset.toUpperCase();
  // Loading first validates the subset name before the README's table is searched for its column.
  const data = await loadCmapss(flags.data, { subset });
  const readmePath = join(flags.data, "README.md");
  const published = parseCmapssLeaderboard(await readFile(readmePath, "utf8"), subset, readmePath);
  console.error(`[cmapss ${subset}] ${data.train.length} training units, ${data.test.length} test units`);
  const result = await benchRul(data.train, data.test, {
    onProgress: (p) =>
      console.error(
        `[cmapss ${subset}] epoch ${p.epoch}/${p.epochs}: train RMSE ${p.trainRmse.toFixed(2)}, validation RMSE ${p.validationRmse?.toFixed(2) ?? "–"}`,
      ),
  });
  await mkdir(flags.out, { recursive: true });
  const svgPath = join(flags.out, `${subset}.svg`);
  const colors = ["#d62728", "#7f7f7f", "#1f77b4"];
  await writeFile(
    svgPath,
    rulChartSvg(
      `C-MAPSS ${subset}: predicted vs true RUL at the last cycle of each test unit`,
      result.actual,
      result.methods.map((m, i) => ({
        name: m.method,
        values: m.predictions,
        color: colors[i % colors.length]!,
      })),
    ),
  );
  console.error(`[cmapss ${subset}] chart: ${svgPath}`);
  if (flags.json)
    console.log(JSON.stringify({ ...rulBenchJson(subset, result, published), chart: svgPath }, null, 2));
  else console.log(formatRulTable(subset, result, published));
}

export function registerBench(program: Command): void {
  const bench = program
    .command("bench")
    .description("Benchmarks on public data sets against published results");
  bench
    .command("skab")
    .description(
      "SKAB protocol: fit on the first 400 rows of each of the 34 experiments, threshold from training scores, score the rest",
    )
    .requiredOption("--data <dir>", "the SKAB directory (valve1/, valve2/, other/, README.md)")
    .option("--detector <name>", "a detector name or all", "all")
    .option(
      "--config <file.json>",
      'one configuration for every file, as for train: {"detector": {...}, "calibration": {...}}',
    )
    .option("--json", "print JSON rows instead of the tables")
    .action(benchSkabCommand);
  bench
    .command("cmapss")
    .description(
      "C-MAPSS time to failure: train on the run-to-failure units, predict RUL at each test unit's last cycle, RMSE and PHM08 score",
    )
    .requiredOption(
      "--data <dir>",
      "the C-MAPSS directory (train_FD00x.txt, test_FD00x.txt, RUL_FD00x.txt, README.md)",
    )
    .option(
      "--subset <name>",
      "FD001 or FD003 (FD002 and FD004 load too, but are not in the shared copy)",
      "FD001",
    )
    .option("--out <dir>", "where the SVG chart goes", "artifacts/cmapss")
    .option("--json", "print JSON instead of the table")
    .action(benchCmapssCommand);
}
