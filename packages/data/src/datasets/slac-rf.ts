import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { VigilInputError } from "@vigil/core/errors";
import { type ChannelInfo, type Series, seriesFromColumns } from "@vigil/core/series";
import { tryParseTimestamp } from "@vigil/core/time";
import { cellAt, columnIndex, readTextTable, type TextTable } from "./read-table.ts";

/**
 * SLAC LCLS RF-station anomaly data, as far as shared/data/slac_rf holds it: the window labels and
 * candidate lists for both diagnostics, the four demo events' metadata and hand labels, and the
 * arrays of the events whose `.arrays.json` is present (only slac-001 today). What is absent is
 * listed in `missing`, never papered over.
 */
export type SlacDiagnostic = "AMPL" | "AMM";
const DIAGNOSTICS: readonly SlacDiagnostic[] = ["AMPL", "AMM"];

/** f = fault (beam lost), s = sustained anomaly. */
export type SlacAnomalyType = "f" | "s";

export interface SlacWindowLabel {
  readonly start: bigint;
  readonly end: bigint;
  readonly isAnomaly: boolean;
  readonly type: SlacAnomalyType | undefined;
}

export interface SlacCandidate {
  readonly start: bigint;
  readonly end: bigint;
  /** Blamed RF station, e.g. "KLYS:LI29:11" (association, not proof of cause). */
  readonly station: string;
  readonly source: SlacDiagnostic;
  readonly corroborate: "Missing" | "Reinforced" | "Disagree";
  readonly corroboratingList: string;
}

export interface SlacEvent {
  readonly id: string;
  readonly station: string;
  readonly candidateStart: bigint;
  readonly candidateEnd: bigint;
  readonly hdf5Group: string;
  readonly isAnomaly: boolean;
  readonly type: SlacAnomalyType | undefined;
  readonly healthChannels: readonly string[];
  readonly bpmChannels: readonly string[];
  /**
   * Station amplitudes (82 channels) at their asynchronous report times. NaN = no new report at
   * that time: carry the last value forward when aligning; leading NaNs = station not in use.
   */
  readonly health?: Series;
  /** 120 Hz beam pulses, 8 BPM channels; positions are sentinel 100 when TMIT < 1e8. */
  readonly bpm?: Series;
}

export interface SlacRfData {
  readonly labels: Readonly<Record<SlacDiagnostic, readonly SlacWindowLabel[]>>;
  readonly candidates: Readonly<Record<SlacDiagnostic, readonly SlacCandidate[]>>;
  readonly events: readonly SlacEvent[];
  /** Files of the full data set that this directory lacks (relative paths). */
  readonly missing: readonly string[];
}

function timeAt(table: TextTable, row: number, column: number): bigint {
  return cellAt(table, row, column, (cell) => tryParseTimestamp(cell), "a timestamp");
}

function oneOf<T extends string>(table: TextTable, row: number, column: number, allowed: readonly T[]): T {
  const expected = `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`;
  return cellAt(table, row, column, (cell) => allowed.find((a) => a === cell), expected);
}

async function readLabels(path: string): Promise<SlacWindowLabel[]> {
  const table = await readTextTable(path, ",");
  const [start, end, isAnom, type] = ["start", "end", "is_anom", "anom_type"].map((name) =>
    columnIndex(table, name),
  ) as [number, number, number, number];
  return table.rows.map((_, r) => {
    const t = oneOf(table, r, type, ["", "f", "s"]);
    return {
      start: timeAt(table, r, start),
      end: timeAt(table, r, end),
      isAnomaly: oneOf(table, r, isAnom, ["True", "False"]) === "True",
      type: t === "" ? undefined : t,
    };
  });
}

async function readCandidates(path: string): Promise<SlacCandidate[]> {
  const table = await readTextTable(path, ",");
  const [start, end, klys, source, corroborate, list] = [
    "start",
    "end",
    "klys",
    "source",
    "corroborate",
    "corr_anomaly_list",
  ].map((name) => columnIndex(table, name)) as [number, number, number, number, number, number];
  return table.rows.map((row, r) => ({
    start: timeAt(table, r, start),
    end: timeAt(table, r, end),
    station: row[klys]!,
    source: oneOf(table, r, source, DIAGNOSTICS),
    corroborate: oneOf(table, r, corroborate, ["Missing", "Reinforced", "Disagree"]),
    corroboratingList: row[list]!,
  }));
}

/** Integers in these files exceed 2^53 (ns times), so they are read from the text, not through JSON numbers. */
function bigIntsOf(text: string, key: string, source: string): bigint[] {
  const match = new RegExp(`"${key}"\\s*:\\s*(\\[[^\\]]*\\]|-?\\d+)`).exec(text);
  if (match === null) throw new VigilInputError(`expected an integer field "${key}"`, { source });
  return (match[1]!.match(/-?\d+/g) ?? []).map(BigInt);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function readJson(path: string): Promise<{ text: string; value: Record<string, unknown> }> {
  const text = await readFile(path, "utf8");
  try {
    return { text, value: JSON.parse(text) as Record<string, unknown> };
  } catch (error) {
    throw new VigilInputError(
      `expected JSON: ${(error as Error).message}`,
      { source: path },
      { cause: error },
    );
  }
}

function arraysToSeries(
  source: string,
  key: string,
  rows: unknown,
  timestamps: bigint[],
  names: readonly string[],
  kind: ChannelInfo["kind"],
): Series {
  if (!Array.isArray(rows) || rows.length !== timestamps.length) {
    throw new VigilInputError(`expected "${key}" to have one row per timestamp (${timestamps.length})`, {
      source,
    });
  }
  const values = names.map(() => new Float64Array(rows.length));
  rows.forEach((row: unknown, r) => {
    if (!Array.isArray(row) || row.length !== names.length) {
      throw new VigilInputError(`expected ${names.length} values in "${key}" row ${r}`, { source });
    }
    row.forEach((v: unknown, c) => {
      values[c]![r] = typeof v === "number" ? v : Number.NaN;
    });
  });
  return seriesFromColumns({ timestamps, channels: names.map((name) => ({ name, kind })), values });
}

async function readEvent(
  dir: string,
  id: string,
  label: { is_anom: boolean; anom_type: string | null },
): Promise<SlacEvent> {
  const path = join(dir, "events", `${id}.json`);
  const { text, value } = await readJson(path);
  const channels = value.channels as { health: string[]; bpm: string[] };
  const event = {
    id,
    station: String(value.station),
    candidateStart: bigIntsOf(text, "candidate_start_ns", path)[0]!,
    candidateEnd: bigIntsOf(text, "candidate_end_ns", path)[0]!,
    hdf5Group: String(value.hdf5_group),
    isAnomaly: label.is_anom,
    type: (label.anom_type ?? undefined) as SlacAnomalyType | undefined,
    healthChannels: channels.health,
    bpmChannels: channels.bpm,
  };
  const arraysPath = join(dir, "events", `${id}.arrays.json`);
  if (!(await exists(arraysPath))) return event;
  const arrays = await readJson(arraysPath);
  const asset = { site: "slac-lcls", machine: event.station };
  return {
    ...event,
    health: {
      ...arraysToSeries(
        arraysPath,
        "health",
        arrays.value.health,
        bigIntsOf(arrays.text, "health_time_ns", arraysPath),
        channels.health,
        "amplitude",
      ),
      asset,
    },
    bpm: {
      ...arraysToSeries(
        arraysPath,
        "bpm",
        arrays.value.bpm,
        bigIntsOf(arrays.text, "bpm_time_ns", arraysPath),
        channels.bpm,
        "position",
      ),
      asset,
    },
  };
}

/** Loads everything shared/data/slac_rf holds; see SlacRfData.missing for what it does not. */
export async function loadSlacRf(dir: string): Promise<SlacRfData> {
  const labels = {} as Record<SlacDiagnostic, SlacWindowLabel[]>;
  const candidates = {} as Record<SlacDiagnostic, SlacCandidate[]>;
  for (const d of DIAGNOSTICS) {
    labels[d] = await readLabels(join(dir, "raw", `labels_${d}.csv`));
    candidates[d] = await readCandidates(join(dir, "raw", `candidates_${d}.csv`));
  }
  const evaluation = (await readJson(join(dir, "evaluation_labels.json"))).value as Record<
    string,
    { is_anom: boolean; anom_type: string | null }
  >;
  const events: SlacEvent[] = [];
  for (const [id, label] of Object.entries(evaluation)) events.push(await readEvent(dir, id, label));
  const missing = events.filter((e) => e.health === undefined).map((e) => `events/${e.id}.arrays.json`);
  for (const d of DIAGNOSTICS)
    if (!(await exists(join(dir, `klys_anom_dset_${d}.h5`)))) missing.push(`klys_anom_dset_${d}.h5`);
  return { labels, candidates, events, missing };
}
