import type { SyntheticOptions } from "../models/synthetic-asset.ts";

/** The live stream of the restart test: an offset on "c" that begins before the kill and ends after the restart. */
export const LIVE: SyntheticOptions = {
  rows: 1200,
  first: 4000,
  seed: 5,
  anomaly: { from: 4300, to: 4900, size: 4 },
};
