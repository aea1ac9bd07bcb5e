import { join } from "node:path";
import { VigilInputError } from "@vigil/core/errors";
import type { AssetThresholdsState } from "@vigil/core/threshold";
import { readJsonIfPresent, writeJsonAtomically } from "../models/index.ts";
import type { AssetSnapshot } from "./asset-runtime.ts";

/** The scorer's whole state, written atomically as one file so that a restart sees one consistent moment. */
export interface ScorerSnapshot {
  readonly kind: "vigil.scorer-state";
  readonly version: 1;
  /** ISO time of writing. */
  readonly savedAt: string;
  readonly thresholds: AssetThresholdsState;
  readonly assets: readonly AssetSnapshot[];
}

export function snapshotPath(home: string): string {
  return join(home, "scorer-state", "state.json");
}

export async function writeSnapshot(home: string, snapshot: ScorerSnapshot): Promise<void> {
  await writeJsonAtomically(snapshotPath(home), snapshot);
}

export async function readSnapshot(home: string): Promise<ScorerSnapshot | undefined> {
  const path = snapshotPath(home);
  const value = (await readJsonIfPresent(path)) as Partial<ScorerSnapshot> | undefined;
  if (value === undefined) return undefined;
  if (value.kind !== "vigil.scorer-state" || value.version !== 1 || !Array.isArray(value.assets)) {
    throw new VigilInputError('expected kind "vigil.scorer-state", version 1 and an assets array', {
      source: path,
    });
  }
  return value as ScorerSnapshot;
}
