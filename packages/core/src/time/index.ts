export { civilFromDays, daysFromCivil, daysInMonth } from "./civil.ts";
export { detectEpochUnit, EPOCH_UNITS, type EpochUnit, NS_PER_EPOCH_UNIT, tryParseEpoch } from "./epoch.ts";
export { formatTimestamp } from "./format.ts";
export { tryParseIsoTimestamp } from "./iso.ts";
export { type ParseTimestampOptions, parseTimestamp, tryParseTimestamp } from "./parse.ts";
export {
  NS_PER_DAY,
  NS_PER_MICROSECOND,
  NS_PER_MILLISECOND,
  NS_PER_SECOND,
  nsToSeconds,
  secondsToNs,
} from "./units.ts";
