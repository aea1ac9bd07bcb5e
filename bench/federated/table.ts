import type { BenchSite } from "./cryo-sites.ts";
import type { DetectionQuality } from "./detection-quality.ts";

export interface Row {
  readonly name: string;
  readonly quality: readonly DetectionQuality[];
  readonly upPerRound: number | undefined;
  readonly downPerRound: number | undefined;
  readonly epsilon: number | undefined;
  readonly seconds: number;
}

export const meanOf = (q: readonly DetectionQuality[], key: keyof DetectionQuality): number =>
  q.reduce((a, x) => a + x[key], 0) / q.length;

/** Mean over sites of the positive rate of the scored steps: a random detector's PR-AUC. */
export function randomPrAuc(sites: readonly BenchSite[]): number {
  let sum = 0;
  for (const s of sites) {
    let scored = 0;
    let positives = 0;
    s.scored.forEach((k, t) => {
      scored += k;
      positives += k * s.labels[t]!;
    });
    sum += positives / scored;
  }
  return sum / sites.length;
}

const fmt = (x: number | undefined, digits = 3): string =>
  x === undefined ? "—" : Number.isFinite(x) ? x.toFixed(digits) : "∞";
const kib = (x: number | undefined): string => (x === undefined ? "—" : (x / 1024).toFixed(1));

/** Lines of the result table: PR-AUC per site (the last, smallest, starred), means, bytes, ε, seconds. */
export function tableLines(rows: readonly Row[], sites: readonly BenchSite[]): string[] {
  const header = [
    "method".padEnd(34),
    ...sites.map((s, i) => `${s.name}${i === sites.length - 1 ? "*" : ""}`.padStart(8)),
    "meanAP".padStart(7),
    "meanF1".padStart(7),
    "earlyAP".padStart(8),
    "up KiB/rd".padStart(10),
    "down KiB/rd".padStart(12),
    "ε".padStart(6),
    "s".padStart(6),
  ].join(" ");
  return [
    header,
    ...rows.map((row) =>
      [
        row.name.padEnd(34),
        ...row.quality.map((q) => fmt(q.prAuc).padStart(8)),
        fmt(meanOf(row.quality, "prAuc")).padStart(7),
        fmt(meanOf(row.quality, "bestF1")).padStart(7),
        fmt(meanOf(row.quality, "earlyPrAuc")).padStart(8),
        kib(row.upPerRound).padStart(10),
        kib(row.downPerRound).padStart(12),
        fmt(row.epsilon, 1).padStart(6),
        row.seconds.toFixed(0).padStart(6),
      ].join(" "),
    ),
  ];
}
