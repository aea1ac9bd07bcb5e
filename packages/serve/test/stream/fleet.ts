import { createRng } from "@vigil/core/random";
import type { AssetRef, Series } from "@vigil/core/series";
import type { ModelRegistry } from "@vigil/detect/registry";
import { readServingProfile, writeServingProfile } from "../../src/models/index.ts";
import { START, STEP_NS } from "../models/synthetic-asset.ts";

export const fleetAsset = (i: number): AssetRef => ({
  site: "fleet",
  machine: `m${String(i).padStart(2, "0")}`,
});

/** `channels` noisy sinusoids with distinct phases at 10 Hz, rows [first, first + rows). */
export function wideSeries(
  asset: AssetRef,
  channels: number,
  rows: number,
  first: number,
  seed: number,
): Series {
  const rng = createRng(seed);
  const values = Array.from({ length: channels }, () => new Float64Array(rows));
  for (let i = 0; i < rows; i++)
    for (let c = 0; c < channels; c++)
      values[c]![i] = Math.sin((2 * Math.PI * (first + i)) / 40 + c) + 0.1 * rng.normal();
  return {
    asset,
    timestamps: BigInt64Array.from({ length: rows }, (_, i) => START + BigInt(first + i) * STEP_NS),
    channels: values.map((_, c) => ({ name: `ch${c}`, kind: "other" as const })),
    values,
  };
}

/**
 * Registers copies of one trained model for other assets (same weights and serving profile), so a
 * fleet test needs one training run instead of one per asset.
 */
export async function cloneModel(
  registry: ModelRegistry,
  id: string,
  train: Series,
  assets: readonly AssetRef[],
): Promise<void> {
  const { detector } = await registry.load(id);
  const profile = await readServingProfile(registry.dir, id);
  for (const asset of assets) {
    const card = await registry.save({ detector, train, asset });
    await writeServingProfile(registry.dir, { ...profile, model: card.id, asset });
    await registry.activate(card.id);
  }
}
