/**
 * Sachs et al. (Science 2005) protein-signalling flow-cytometry data (see shared/data/sachs/README.md).
 * Rows are single cells, not a time series: a row's timestamp is its row index (in ns) so the data fit
 * the Series model, and the multi-condition set marks each condition's row range with a Label.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { ChannelInfo, Label, Series } from "@vigil/core";
import { VigilInputError } from "@vigil/core/errors";

/** bnlearn spelling, in the column order of every Sachs file. */
export const SACHS_VARIABLES = [
  "Raf",
  "Mek",
  "Plcg",
  "PIP2",
  "PIP3",
  "Erk",
  "Akt",
  "PKA",
  "PKC",
  "P38",
  "Jnk",
] as const;

/** Causal Discovery Toolbox / original spelling → bnlearn spelling. */
const CDT_TO_BNLEARN: Readonly<Record<string, string>> = {
  praf: "Raf",
  pmek: "Mek",
  plcg: "Plcg",
  PIP2: "PIP2",
  PIP3: "PIP3",
  "p44/42": "Erk",
  pakts473: "Akt",
  PKA: "PKA",
  PKC: "PKC",
  P38: "P38",
  pjnk: "Jnk",
};

export interface SachsCondition {
  readonly name: string;
  readonly rows: number;
  /** Molecules whose activity the reagent targets (Sachs et al. 2005, Table 1); empty = stimulation only. */
  readonly targets: readonly string[];
  readonly effect: "none" | "inhibit" | "activate";
}

/** The nine conditions stacked in sachs_combined_7466.csv, in file order; row counts read from original_xls 01–09. */
export const SACHS_CONDITIONS: readonly SachsCondition[] = [
  { name: "cd3cd28", rows: 853, targets: [], effect: "none" },
  { name: "cd3cd28+icam2", rows: 902, targets: [], effect: "none" },
  { name: "cd3cd28+aktinhib", rows: 911, targets: ["Akt"], effect: "inhibit" },
  { name: "cd3cd28+g0076", rows: 723, targets: ["PKC"], effect: "inhibit" },
  { name: "cd3cd28+psitectorigenin", rows: 810, targets: ["PIP2"], effect: "inhibit" },
  { name: "cd3cd28+u0126", rows: 799, targets: ["Mek"], effect: "inhibit" },
  { name: "cd3cd28+ly294002", rows: 848, targets: ["PIP3"], effect: "inhibit" },
  { name: "pma", rows: 913, targets: ["PKC"], effect: "activate" },
  { name: "b2camp", rows: 707, targets: ["PKA"], effect: "activate" },
];

export type SachsKind = "observational" | "combined" | "interventional";

export interface SachsData {
  readonly kind: SachsKind;
  /** Raw fluorescence (observational, combined) or levels 1/2/3 (interventional). */
  readonly series: Series;
  /** Interventional set only: per row, the intervened variable's name or undefined for none. */
  readonly intervened?: readonly (string | undefined)[];
}

interface Table {
  readonly header: readonly string[];
  readonly rows: readonly Float64Array[];
}

const FORMATS: Readonly<Record<SachsKind, { readonly split: RegExp; readonly columns: number }>> = {
  observational: { split: /\t/, columns: 11 },
  combined: { split: /,/, columns: 11 },
  interventional: { split: / +/, columns: 12 },
};

/** Parses one of the three known Sachs layouts (fixed delimiter and width, numeric cells, optional trailing blank line). */
function parseTable(text: string, source: string, kind: SachsKind): Table {
  const { split, columns } = FORMATS[kind];
  const lines = text.replace(/\r/g, "").split("\n");
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === "") lines.pop();
  const header = (lines[0] ?? "")
    .trim()
    .split(split)
    .map((h) => h.replace(/^"|"$/g, ""));
  if (header.length !== columns) {
    throw new VigilInputError(
      `expected ${columns} header fields for the Sachs ${kind} file, found ${header.length}`,
      { source, line: 1 },
    );
  }
  const rows = lines.slice(1).map((line, r) => {
    const cells = line.trim().split(split);
    if (cells.length !== columns) {
      throw new VigilInputError(`expected ${columns} fields, found ${cells.length}`, { source, line: r + 2 });
    }
    return Float64Array.from(cells, (cell, c) => {
      const v = Number(cell);
      if (cell.trim() === "" || !Number.isFinite(v)) {
        throw new VigilInputError(`"${cell}" is not a number`, {
          source,
          line: r + 2,
          column: header[c] ?? c + 1,
        });
      }
      return v;
    });
  });
  if (rows.length === 0) throw new VigilInputError("no data rows", { source, line: 2 });
  return { header, rows };
}

/** Which Sachs layout a file's first line announces, or undefined for any other file. */
export function detectSachsKind(firstLine: string): SachsKind | undefined {
  const line = firstLine.trim();
  if (line === SACHS_VARIABLES.join("\t")) return "observational";
  if (line === Object.keys(CDT_TO_BNLEARN).join(",")) return "combined";
  if (line === [...SACHS_VARIABLES, "INT"].map((v) => `"${v}"`).join(" ")) return "interventional";
  return undefined;
}

function channels(): ChannelInfo[] {
  return SACHS_VARIABLES.map((name) => ({ name, kind: "other", role: "sensor" }));
}

function rowTimestamps(n: number): BigInt64Array {
  return BigInt64Array.from({ length: n }, (_, i) => BigInt(i));
}

function conditionLabels(): Label[] {
  let start = 0;
  return SACHS_CONDITIONS.map((c) => {
    const label = { start: BigInt(start), end: BigInt(start + c.rows - 1), type: `condition:${c.name}` };
    start += c.rows;
    return label;
  });
}

/** Reads any of the three Sachs data files, detected from its header line. */
export function readSachs(path: string): SachsData {
  const text = readFileSync(path, "utf8");
  const source = basename(path);
  const kind = detectSachsKind(text.slice(0, text.indexOf("\n")));
  if (kind === undefined)
    throw new VigilInputError("not a Sachs data file (unrecognised header)", { source, line: 1 });
  const table = parseTable(text, source, kind);
  const n = table.rows.length;
  const values = SACHS_VARIABLES.map((_, c) => Float64Array.from(table.rows, (row) => row[c] as number));
  if (kind === "combined") {
    const expected = SACHS_CONDITIONS.reduce((s, c) => s + c.rows, 0);
    if (n !== expected)
      throw new VigilInputError(`expected ${expected} rows (9 conditions), found ${n}`, { source });
  }
  const series: Series = {
    timestamps: rowTimestamps(n),
    channels: channels(),
    values,
    ...(kind === "combined" ? { labels: conditionLabels() } : {}),
  };
  if (kind !== "interventional") return { kind, series };
  const intervened = table.rows.map((row, r) => {
    const code = row[11] as number;
    if (code === 0) return undefined;
    const name = SACHS_VARIABLES[code - 1];
    if (!Number.isInteger(code) || name === undefined) {
      throw new VigilInputError(`INT ${code} names no variable`, { source, line: r + 2, column: "INT" });
    }
    return name;
  });
  return { kind, series, intervened };
}

/** A reference edge list (CSV with a header, two columns source,target, optional quotes); cdt names are mapped to bnlearn spelling. */
export function readSachsEdges(path: string): Array<readonly [string, string]> {
  const source = basename(path);
  const lines = readFileSync(path, "utf8").replace(/\r/g, "").split("\n").slice(1);
  return lines.flatMap((line, i) => {
    if (line.trim() === "") return [];
    const cells = line.split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
    const [from, to] = cells;
    if (cells.length !== 2 || !from || !to) {
      throw new VigilInputError(`expected "source,target", found "${line}"`, { source, line: i + 2 });
    }
    return [[CDT_TO_BNLEARN[from] ?? from, CDT_TO_BNLEARN[to] ?? to] as const];
  });
}

/** A published result on the 853-row observational set against the 17-edge graph. */
export interface SachsPublishedResult {
  readonly method: string;
  readonly edges: number | undefined;
  readonly tp: number | undefined;
  readonly shd: number;
  readonly source: string;
}

/** Zhu, Ng & Chen, ICLR 2020, Table 4 (edges / TP / SHD); PC from Lachapelle et al., ICLR 2020, Table 3 (SHD only). */
export const SACHS_PUBLISHED: readonly SachsPublishedResult[] = [
  { method: "RL-BIC2", edges: 10, tp: 7, shd: 11, source: "Zhu et al. 2020" },
  { method: "CAM", edges: 10, tp: 6, shd: 12, source: "Zhu et al. 2020" },
  { method: "GraN-DAG", edges: 10, tp: 5, shd: 13, source: "Zhu et al. 2020" },
  { method: "DAG-GNN", edges: 15, tp: 6, shd: 16, source: "Zhu et al. 2020" },
  { method: "NOTEARS", edges: 20, tp: 6, shd: 19, source: "Zhu et al. 2020" },
  { method: "PC", edges: undefined, tp: undefined, shd: 17, source: "Lachapelle et al. 2020" },
];
