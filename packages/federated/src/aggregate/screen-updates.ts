import { elementCount, formatShape, type ModelUpdate } from "../update/model-update.ts";

/** An update left out of aggregation, and why. */
export interface RejectedUpdate {
  readonly client: string;
  readonly reason: string;
}

export interface ScreenedUpdates {
  readonly accepted: ModelUpdate[];
  readonly rejected: RejectedUpdate[];
}

/** Why this update cannot be aggregated with a model of these tensor shapes, or undefined when it can. */
export function updateProblem(
  update: ModelUpdate,
  model: ReadonlyMap<string, readonly number[]>,
): string | undefined {
  if (!Number.isInteger(update.sampleCount) || update.sampleCount < 1) {
    return `sample count ${update.sampleCount} is not a positive integer`;
  }
  const names = new Set(update.tensors.map((t) => t.name));
  const missing = [...model.keys()].filter((name) => !names.has(name));
  if (missing.length > 0) return `missing tensor(s) ${missing.map((n) => `"${n}"`).join(", ")}`;
  if (names.size !== update.tensors.length) return "a tensor name is repeated";
  for (const t of update.tensors) {
    const shape = model.get(t.name);
    if (shape === undefined) return `tensor "${t.name}" is not part of the model`;
    if (shape.length !== t.shape.length || shape.some((d, k) => d !== t.shape[k])) {
      return `tensor "${t.name}" has shape ${formatShape(t.shape)} but the model's is ${formatShape(shape)}`;
    }
    if (t.data.length !== elementCount(shape)) {
      return `tensor "${t.name}" has ${t.data.length} values for shape ${formatShape(shape)}`;
    }
    for (let i = 0; i < t.data.length; i++) {
      if (!Number.isFinite(t.data[i]!)) return `tensor "${t.name}" element ${i} is ${t.data[i]} (not finite)`;
    }
  }
  return undefined;
}

/**
 * Splits updates into those that can be aggregated and those that cannot (a non-finite value, a
 * missing, extra or mis-shaped tensor, a bad sample count, a second update from the same client),
 * each rejection with its reason. Accepted updates come back with their tensors in the model's order.
 */
export function screenUpdates(
  updates: readonly ModelUpdate[],
  model: ReadonlyMap<string, readonly number[]>,
): ScreenedUpdates {
  const accepted: ModelUpdate[] = [];
  const rejected: RejectedUpdate[] = [];
  const clients = new Set<string>();
  for (const update of updates) {
    const problem = clients.has(update.client)
      ? "a second update from the same client in one round"
      : updateProblem(update, model);
    clients.add(update.client);
    if (problem !== undefined) {
      rejected.push({ client: update.client, reason: problem });
      continue;
    }
    const byName = new Map(update.tensors.map((t) => [t.name, t]));
    accepted.push({ ...update, tensors: [...model.keys()].map((name) => byName.get(name)!) });
  }
  return { accepted, rejected };
}
