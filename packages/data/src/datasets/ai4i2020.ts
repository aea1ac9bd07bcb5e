import { join } from "node:path";
import { type ChannelInfo, type Label, type Series, seriesFromColumns } from "@vigil/core/series";
import { NS_PER_SECOND } from "@vigil/core/time";
import { cellAt, columnIndex, numberAt, readTextTable } from "./read-table.ts";

/**
 * AI4I 2020 predictive-maintenance table (shared/data/ai4i2020/README.md): 10,000 independent
 * snapshots, not a time series. Row UDI k is placed at k seconds so the rows fit the Series model.
 * Product type L / M / H is a setting channel coded 0 / 1 / 2.
 */
export const AI4I_CHANNELS: readonly ChannelInfo[] = [
  { name: "Air temperature [K]", kind: "temperature", unit: "K" },
  { name: "Process temperature [K]", kind: "temperature", unit: "K" },
  { name: "Rotational speed [rpm]", kind: "rpm", unit: "rpm" },
  { name: "Torque [Nm]", kind: "other", unit: "Nm" },
  { name: "Tool wear [min]", kind: "other", unit: "min" },
  { name: "Type", kind: "setting", role: "setting" },
];

export const AI4I_FAILURE_MODES = ["TWF", "HDF", "PWF", "OSF", "RNF"] as const;
export type Ai4iFailureMode = (typeof AI4I_FAILURE_MODES)[number];
const TYPE_CODES: Record<string, number> = { L: 0, M: 1, H: 2 };

export interface Ai4iData {
  /** Labels: a "failure" point per `Machine failure` = 1 row and a "failure:<mode>" point per mode flag. */
  readonly series: Series;
  readonly productIds: readonly string[];
  /** The `Machine failure` column as given. */
  readonly failure: Uint8Array;
  readonly modes: Readonly<Record<Ai4iFailureMode, Uint8Array>>;
  /**
   * The README's known inconsistencies, kept as given (neither flag is changed) and listed by UDI:
   * failures with no mode flag, and mode flags on rows whose `Machine failure` is 0.
   */
  readonly failureWithoutMode: readonly number[];
  readonly modeWithoutFailure: readonly number[];
}

const flag = (cell: string): number | undefined => (cell === "0" ? 0 : cell === "1" ? 1 : undefined);

export async function loadAi4i(dir: string): Promise<Ai4iData> {
  const table = await readTextTable(join(dir, "ai4i2020.csv"), ",");
  const n = table.rows.length;
  const udi = columnIndex(table, "UDI");
  const productId = columnIndex(table, "Product ID");
  const type = columnIndex(table, "Type");
  const numeric = AI4I_CHANNELS.slice(0, 5).map((c) => columnIndex(table, c.name));
  const failureColumn = columnIndex(table, "Machine failure");
  const modeColumns = AI4I_FAILURE_MODES.map((m) => columnIndex(table, m));

  const timestamps = new BigInt64Array(n);
  const values = AI4I_CHANNELS.map(() => new Float64Array(n));
  const failure = new Uint8Array(n);
  const modes = AI4I_FAILURE_MODES.map(() => new Uint8Array(n));
  const labels: Label[] = [];
  const failureWithoutMode: number[] = [];
  const modeWithoutFailure: number[] = [];
  for (let r = 0; r < n; r++) {
    const id = numberAt(table, r, udi);
    timestamps[r] = BigInt(id) * NS_PER_SECOND;
    const t = timestamps[r]!;
    numeric.forEach((c, k) => {
      values[k]![r] = numberAt(table, r, c);
    });
    values[5]![r] = cellAt(table, r, type, (cell) => TYPE_CODES[cell], "L, M or H");
    failure[r] = cellAt(table, r, failureColumn, flag, "0 or 1");
    if (failure[r]) labels.push({ start: t, end: t, type: "failure" });
    let anyMode = false;
    modeColumns.forEach((c, m) => {
      modes[m]![r] = cellAt(table, r, c, flag, "0 or 1");
      if (modes[m]![r]) {
        anyMode = true;
        labels.push({ start: t, end: t, type: `failure:${AI4I_FAILURE_MODES[m]}` });
      }
    });
    if (failure[r] && !anyMode) failureWithoutMode.push(id);
    if (!failure[r] && anyMode) modeWithoutFailure.push(id);
  }
  return {
    series: seriesFromColumns({
      asset: { site: "ai4i2020", machine: "milling" },
      timestamps,
      channels: AI4I_CHANNELS,
      values,
      labels,
    }),
    productIds: table.rows.map((row) => row[productId]!),
    failure,
    modes: Object.fromEntries(AI4I_FAILURE_MODES.map((m, k) => [m, modes[k]!])) as Record<
      Ai4iFailureMode,
      Uint8Array
    >,
    failureWithoutMode,
    modeWithoutFailure,
  };
}
