import { VigilArgumentError } from "../errors/vigil-error.ts";
import { withDefaults } from "../validate/index.ts";
import { type EpochUnit, tryParseEpoch } from "./epoch.ts";
import { tryParseIsoTimestamp } from "./iso.ts";

export interface ParseTimestampOptions {
  /** Unit of numeric (epoch) timestamps; "auto" decides from the magnitude. Default "auto". */
  epochUnit: EpochUnit | "auto";
  /** Offset (minutes east of UTC) for ISO times written without a zone. Default 0 (UTC). */
  defaultOffsetMinutes: number;
}

const DEFAULTS: ParseTimestampOptions = { epochUnit: "auto", defaultOffsetMinutes: 0 };

/**
 * Text → int64 ns since the epoch: ISO-8601 with or without zone and fractional seconds,
 * "YYYY-MM-DD HH:MM:SS", or an epoch number in s / ms / µs / ns. Undefined when it is none of these.
 * Takes the resolved options (no defaults merging) because readers call it once per row.
 */
export function tryParseTimestamp(
  text: string,
  options: ParseTimestampOptions = DEFAULTS,
): bigint | undefined {
  const t = text.trim();
  const first = t.charCodeAt(0);
  // A 4-digit year followed by "-" is a date; anything else numeric is an epoch value.
  if (t.length >= 10 && t.charCodeAt(4) === 45 && first >= 48 && first <= 57) {
    return tryParseIsoTimestamp(t, options.defaultOffsetMinutes);
  }
  return tryParseEpoch(t, options.epochUnit);
}

/** Like tryParseTimestamp, but throws VigilArgumentError naming the text when it cannot be parsed. */
export function parseTimestamp(text: string, options?: Partial<ParseTimestampOptions>): bigint {
  const resolved = withDefaults("parseTimestamp options", DEFAULTS, options);
  const ns = tryParseTimestamp(text, resolved);
  if (ns === undefined) {
    throw new VigilArgumentError(
      `Expected an ISO-8601 date-time or an epoch number but received "${text.slice(0, 60)}"`,
      { text },
    );
  }
  return ns;
}
