import { VigilArgumentError } from "@vigil/core/errors";
import { type FloatArray, formatShape, type NamedTensor } from "./model-update.ts";

/** after − before, tensor by tensor (float64); both must list the same names and shapes. */
export function subtractTensors(
  after: readonly NamedTensor[],
  before: readonly NamedTensor[],
): NamedTensor[] {
  const base = new Map(before.map((t) => [t.name, t]));
  return after.map((t) => {
    const b = base.get(t.name);
    if (b === undefined || b.data.length !== t.data.length) {
      throw new VigilArgumentError(
        `Expected tensor "${t.name}" of shape ${formatShape(t.shape)} in both models but the other has ${b === undefined ? "none" : formatShape(b.shape)}`,
      );
    }
    const data = new Float64Array(t.data.length);
    for (let i = 0; i < data.length; i++) data[i] = t.data[i]! - b.data[i]!;
    return { name: t.name, shape: t.shape, data };
  });
}

/** The L2 norm of all tensors together, as one flat vector (the norm that clipping bounds). */
export function l2Norm(tensors: readonly NamedTensor[]): number {
  let ss = 0;
  for (const t of tensors) for (const v of t.data) ss += v * v;
  return Math.sqrt(ss);
}

/** Every element times `factor`, as new float64 tensors. */
export function scaleTensors(tensors: readonly NamedTensor[], factor: number): NamedTensor[] {
  return tensors.map((t) => ({
    name: t.name,
    shape: t.shape,
    data: Float64Array.from(t.data, (v) => v * factor),
  }));
}

/**
 * The tensors scaled down to L2 norm `bound` when their norm exceeds it (direction kept), else as they
 * are: the per-client clipping of norm-bounded aggregation and of DP-FedAvg.
 */
export function clipToNorm(
  tensors: readonly NamedTensor[],
  bound: number,
): { tensors: readonly NamedTensor[]; clipped: boolean; norm: number } {
  const norm = l2Norm(tensors);
  if (norm <= bound) return { tensors, clipped: false, norm };
  return { tensors: scaleTensors(tensors, bound / norm), clipped: true, norm };
}

/** Adds `factor` × delta into `target` in place (the server step: global += η · aggregate). */
export function addScaledInto(
  target: readonly NamedTensor[],
  delta: readonly NamedTensor[],
  factor: number,
): void {
  const byName = new Map(delta.map((t) => [t.name, t.data]));
  for (const t of target) {
    const d: FloatArray | undefined = byName.get(t.name);
    if (d === undefined || d.length !== t.data.length) {
      throw new VigilArgumentError(`Expected a delta for tensor "${t.name}" with ${t.data.length} elements`);
    }
    for (let i = 0; i < d.length; i++) t.data[i] = t.data[i]! + factor * d[i]!;
  }
}
