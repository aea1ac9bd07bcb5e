import { countLabels } from "./labels.ts";
import type { ChannelKind, Series } from "./types.ts";

export interface ChannelSummary {
  readonly name: string;
  readonly kind: ChannelKind;
  readonly role: "sensor" | "setting";
  /** Rows where this channel is NaN. */
  readonly missing: number;
  readonly missingPct: number;
  /** Over present values; NaN when the channel has none. */
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Estimated from the median gap between this channel's present samples (asynchronous channels differ). */
  readonly rateHz: number | undefined;
}

export interface SeriesSummary {
  readonly rows: number;
  readonly start: bigint | undefined;
  readonly end: bigint | undefined;
  readonly spanNs: bigint;
  /** Median of the positive gaps between consecutive timestamps (repeated timestamps are skipped). */
  readonly medianDtNs: number | undefined;
  readonly rateHz: number | undefined;
  readonly channels: readonly ChannelSummary[];
  readonly labelCounts: Readonly<Record<string, number>>;
}

/** k-th smallest (0-based) by quickselect, O(n) on average; reorders `a`. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const x = a[i]!;
        a[i++] = a[j]!;
        a[j--] = x;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

function median(a: Float64Array): number | undefined {
  if (a.length === 0) return undefined;
  const upper = select(a, a.length >> 1);
  if (a.length % 2 === 1) return upper;
  return (select(a, (a.length >> 1) - 1) + upper) / 2;
}

/** Median positive gap (ns) between the rows where `present(i)` holds. */
function medianGap(t: BigInt64Array, present: (i: number) => boolean): number | undefined {
  const gaps = new Float64Array(t.length);
  let count = 0;
  let previous: bigint | undefined;
  for (let i = 0; i < t.length; i++) {
    if (!present(i)) continue;
    const ti = t[i]!;
    if (previous !== undefined && ti > previous) gaps[count++] = Number(ti - previous);
    previous = ti;
  }
  return median(gaps.subarray(0, count));
}

const toRate = (dtNs: number | undefined): number | undefined =>
  dtNs === undefined ? undefined : 1e9 / dtNs;

/** Rows, time span, sampling rates, per-channel missing share and range, and label counts. */
export function summarizeSeries(series: Series): SeriesSummary {
  const t = series.timestamps;
  const rows = t.length;
  const medianDtNs = medianGap(t, () => true);
  const channels = series.channels.map((channel, c): ChannelSummary => {
    const column = series.values[c]!;
    let missing = 0;
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < rows; i++) {
      const v = column[i]!;
      if (Number.isNaN(v)) {
        missing++;
        continue;
      }
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const present = rows - missing;
    return {
      name: channel.name,
      kind: channel.kind,
      role: channel.role ?? "sensor",
      missing,
      missingPct: rows === 0 ? 0 : (100 * missing) / rows,
      min: present === 0 ? Number.NaN : min,
      max: present === 0 ? Number.NaN : max,
      mean: present === 0 ? Number.NaN : sum / present,
      rateHz: missing === 0 ? toRate(medianDtNs) : toRate(medianGap(t, (i) => !Number.isNaN(column[i]!))),
    };
  });
  return {
    rows,
    start: rows === 0 ? undefined : t[0],
    end: rows === 0 ? undefined : t[rows - 1],
    spanNs: rows === 0 ? 0n : t[rows - 1]! - t[0]!,
    medianDtNs,
    rateHz: toRate(medianDtNs),
    channels,
    labelCounts: countLabels(series.labels ?? []),
  };
}
