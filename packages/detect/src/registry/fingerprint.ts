import { createHash } from "node:crypto";
import type { Series } from "@vigil/core";

const bytesOf = (a: BigInt64Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * sha256 (hex) over a series' channel names, timestamps and values, in that order: two models trained
 * on byte-identical data share a fingerprint. Typed arrays are hashed in host byte order (little-endian
 * on every platform Vigil runs on).
 */
export function fingerprintSeries(series: Series): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(series.channels.map((c) => c.name)));
  hash.update(bytesOf(series.timestamps));
  for (const column of series.values) hash.update(bytesOf(column));
  return hash.digest("hex");
}
