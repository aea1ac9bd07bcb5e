import { VigilInputError } from "../errors/index.ts";
import type { AffineNormalizer } from "./affine.ts";
import { type ChannelScaling, NORMALIZER_KINDS, type NormalizerKind } from "./channel-scaling.ts";
import type { RegimeNormalizer } from "./regime.ts";

/** Any fitted normaliser; `type` tells them apart. */
export type Normalizer = AffineNormalizer | RegimeNormalizer;

const FORMAT = "vigil-normalizer";
const VERSION = 1;

/** Serialises a fitted normaliser (training statistics only: no data) to JSON text. */
export function normalizerToJson(normalizer: Normalizer): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, ...normalizer });
}

/** Reads JSON by path, throwing VigilInputError naming the source and the offending path as its column. */
class Reader {
  constructor(readonly source: string) {}

  fail(path: string, expected: string): never {
    throw new VigilInputError(`expected ${expected}`, { source: this.source, column: path });
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) this.fail(path, "an object");
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, "an array");
    return value;
  }

  finite(value: unknown, path: string): number {
    if (typeof value !== "number" || !Number.isFinite(value)) this.fail(path, "a finite number");
    return value;
  }

  scalings(value: unknown, path: string): ChannelScaling[] {
    return this.array(value, path).map((entry, i) => {
      const at = `${path}[${i}]`;
      const o = this.object(entry, at);
      if (typeof o.channel !== "string") this.fail(`${at}.channel`, "a channel name");
      const scale = this.finite(o.scale, `${at}.scale`);
      if (scale <= 0) this.fail(`${at}.scale`, "a positive scale");
      return { channel: o.channel, center: this.finite(o.center, `${at}.center`), scale };
    });
  }
}

/** Where a JSON.parse failure happened, as 1-based line and column, when the message names a position. */
function parsePosition(text: string, error: unknown): { line?: number; column?: number } {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : "");
  if (match === null) return {};
  const before = text.slice(0, Number(match[1]));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Parses and validates a serialised normaliser; malformed or inconsistent JSON throws VigilInputError. */
export function normalizerFromJson(text: string, source = "normalizer"): Normalizer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new VigilInputError("not valid JSON", { source, ...parsePosition(text, error) }, { cause: error });
  }
  const r = new Reader(source);
  const root = r.object(parsed, "$");
  if (root.format !== FORMAT) r.fail("$.format", `"${FORMAT}"`);
  if (root.version !== VERSION) r.fail("$.version", `version ${VERSION}`);
  if (!NORMALIZER_KINDS.includes(root.kind as NormalizerKind)) r.fail("$.kind", NORMALIZER_KINDS.join(" | "));
  const kind = root.kind as NormalizerKind;
  if (root.type === "affine")
    return { type: "affine", kind, channels: r.scalings(root.channels, "$.channels") };
  if (root.type !== "regime") r.fail("$.type", '"affine" or "regime"');

  const settings = r.scalings(root.settings, "$.settings");
  const centroids = r.array(root.centroids, "$.centroids").map((centroid, i) => {
    const values = r.array(centroid, `$.centroids[${i}]`);
    if (values.length !== settings.length) r.fail(`$.centroids[${i}]`, `${settings.length} coordinates`);
    return values.map((v, d) => r.finite(v, `$.centroids[${i}][${d}]`));
  });
  if (centroids.length === 0) r.fail("$.centroids", "at least one regime");
  const regimes = r
    .array(root.regimes, "$.regimes")
    .map((regime, i) => r.scalings(regime, `$.regimes[${i}]`));
  if (regimes.length !== centroids.length)
    r.fail("$.regimes", `${centroids.length} regimes (one per centroid)`);
  const names = regimes[0]!.map((s) => s.channel).join("\u0000");
  for (const [i, regime] of regimes.entries()) {
    if (regime.map((s) => s.channel).join("\u0000") !== names)
      r.fail(`$.regimes[${i}]`, "the channels of regime 0");
  }
  return { type: "regime", kind, settings, centroids, regimes };
}
