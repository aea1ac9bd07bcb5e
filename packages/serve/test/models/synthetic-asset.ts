import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRng } from "@vigil/core/random";
import type { AssetRef, Series } from "@vigil/core/series";
import { DuckDbStore } from "@vigil/data/store";
import { ModelRegistry } from "@vigil/detect/registry";
import { trainModel } from "../../src/models/index.ts";

export const ASSET: AssetRef = { site: "plant", machine: "pump-1" };
export const CHANNELS = ["a", "b", "c", "d"];
export const START = 1_767_571_200_000_000_000n;
/** 10 Hz. */
export const STEP_NS = 100_000_000n;

export interface SyntheticOptions {
  readonly rows: number;
  readonly first?: number;
  readonly seed?: number;
  /** Steps [from, to) where channel "c" is offset by `size` (an anomaly on a known channel). */
  readonly anomaly?: { from: number; to: number; size: number };
  /** From this step on, every channel's level shifts by `offset` (a regime change: drift). */
  readonly shift?: { from: number; offset: number };
}

/**
 * Four correlated noisy periodic channels at 10 Hz: a and b share a slow cycle, c follows a, d is
 * independent noise. Row i's value depends only on i and the seed, so slices of one long series and
 * a series generated from `first` agree.
 */
export function syntheticSeries(o: SyntheticOptions): Series {
  const first = o.first ?? 0;
  const rng = createRng(o.seed ?? 7);
  const timestamps = BigInt64Array.from({ length: o.rows }, (_, i) => START + BigInt(first + i) * STEP_NS);
  const values = CHANNELS.map(() => new Float64Array(o.rows));
  for (let i = 0; i < o.rows; i++) {
    const step = first + i;
    const phase = (2 * Math.PI * step) / 50;
    const n = () => 0.1 * rng.normal();
    const shift = o.shift !== undefined && step >= o.shift.from ? o.shift.offset : 0;
    const anomaly =
      o.anomaly !== undefined && step >= o.anomaly.from && step < o.anomaly.to ? o.anomaly.size : 0;
    values[0]![i] = Math.sin(phase) + n() + shift;
    values[1]![i] = 0.8 * Math.sin(phase + 0.3) + n() + shift;
    values[2]![i] = 0.5 * Math.sin(phase) + n() + anomaly + shift;
    values[3]![i] = n() + shift;
  }
  return {
    asset: ASSET,
    timestamps,
    channels: CHANNELS.map((name) => ({ name, kind: "other" as const })),
    values,
  };
}

/** A temp workspace with a store and a registry; `close` removes it. */
export async function workspace(): Promise<{
  home: string;
  store: DuckDbStore;
  registry: ModelRegistry;
  close: () => Promise<void>;
}> {
  const home = await mkdtemp(join(tmpdir(), "vigil-serve-"));
  const store = await new DuckDbStore(home, { threads: 1 }).ready();
  const registry = new ModelRegistry({ dir: join(home, "models") });
  return {
    home,
    store,
    registry,
    close: async () => {
      await store.close().catch(() => undefined);
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Small drift settings so a test's model profile builds in well under a second. */
export const TEST_DRIFT = { blockSteps: 20, windowBlocks: 5, ertSteps: 5000, runs: 30 };

/** Stores `rows` normal rows of ASSET and trains a PCA model on them (active: the asset's first). */
export async function trainedPca(
  ws: Awaited<ReturnType<typeof workspace>>,
  rows = 4000,
): Promise<Awaited<ReturnType<typeof trainModel>>> {
  await ws.store.appendSeries(syntheticSeries({ rows }));
  return trainModel({
    store: ws.store,
    registry: ws.registry,
    asset: ASSET,
    detector: "pca",
    drift: TEST_DRIFT,
  });
}
