import { VigilArgumentError } from "../errors/vigil-error.ts";
import type { Label, Series } from "./types.ts";
import { validateSeries } from "./validate-series.ts";

/**
 * Joins series end to end in time (e.g. chunks of one file). All parts must have the same channel
 * names in the same order and each must start no earlier than the previous one ends. The asset
 * and channel metadata come from the first part; labels are concatenated.
 */
export function concatSeries(parts: readonly Series[]): Series {
  const first = parts[0];
  if (first === undefined) throw new VigilArgumentError("concatSeries needs at least one series");
  const names = first.channels.map((c) => c.name).join("\u0000");
  let rows = 0;
  parts.forEach((part, p) => {
    if (part.channels.map((c) => c.name).join("\u0000") !== names) {
      throw new VigilArgumentError(
        `Series ${p} has channels [${part.channels.map((c) => c.name).join(", ")}] but series 0 has [${first.channels.map((c) => c.name).join(", ")}]`,
      );
    }
    rows += part.timestamps.length;
  });
  const timestamps = new BigInt64Array(rows);
  const values = first.channels.map(() => new Float64Array(rows));
  const labels: Label[] = [];
  let offset = 0;
  for (const part of parts) {
    timestamps.set(part.timestamps, offset);
    part.values.forEach((column, c) => {
      values[c]!.set(column, offset);
    });
    labels.push(...(part.labels ?? []));
    offset += part.timestamps.length;
  }
  return validateSeries({
    ...(first.asset === undefined ? {} : { asset: first.asset }),
    timestamps,
    channels: first.channels,
    values,
    ...(parts.some((p) => p.labels !== undefined) ? { labels } : {}),
  });
}
