import type { Store } from "@vigil/data/store";
import type { ModelRegistry } from "@vigil/detect/registry";

/**
 * Mirrors registry entries into the Store's models table (the registry's files are the truth; the
 * Store makes them queryable beside events and scores). `created` is the card's time in ns.
 */
export async function mirrorModels(
  store: Store,
  registry: ModelRegistry,
  ids: readonly string[],
): Promise<void> {
  for (const id of ids) {
    const { card, status } = await registry.get(id);
    await store.putModel({
      id,
      ...(card.asset === undefined ? {} : { asset: card.asset }),
      kind: card.kind,
      version: card.version,
      status,
      metrics: card.metrics,
      created: BigInt(Date.parse(card.created)) * 1_000_000n,
    });
  }
}

/** Activates a model and mirrors it and the model it replaced (now retired). */
export async function activateModel(store: Store, registry: ModelRegistry, id: string): Promise<void> {
  const { card } = await registry.get(id);
  const previous = card.asset === undefined ? undefined : await registry.active(card.asset);
  await registry.activate(id);
  await mirrorModels(store, registry, previous === undefined || previous === id ? [id] : [id, previous]);
}

/** Retires a model that is not active and mirrors it. */
export async function retireModel(store: Store, registry: ModelRegistry, id: string): Promise<void> {
  await registry.retire(id);
  await mirrorModels(store, registry, [id]);
}
