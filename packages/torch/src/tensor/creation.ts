import { VigilArgumentError } from "@vigil/core/errors";
import type { Dtype } from "@vigil/torch-native";
import { native, ops } from "../runtime/native.ts";
import type { Generator } from "./generator.ts";
import { type Shape, type Tensor, type TypedArray, wrap } from "./tensor.ts";

type Nested = number | boolean | readonly Nested[];

function flattenNested(data: Nested, shape: number[], out: number[], depth: number): void {
  if (typeof data === "number" || typeof data === "boolean") {
    out.push(Number(data));
    return;
  }
  if (shape.length === depth) shape.push(data.length);
  else if (shape[depth] !== data.length)
    throw new VigilArgumentError(`ragged nested array at depth ${depth}`);
  for (const item of data) flattenNested(item, shape, out, depth + 1);
}

/**
 * A tensor from a typed array (with a shape) or nested numbers. Data is copied. Default dtypes:
 * the typed array's own, float32 for nested numbers.
 */
export function tensor(data: TypedArray | Nested, options: { shape?: Shape; dtype?: Dtype } = {}): Tensor {
  if (ArrayBuffer.isView(data)) {
    const shape = options.shape ?? [data.length];
    return wrap(native.fromArray(data, shape, options.dtype));
  }
  const shape: number[] = [];
  const flat: number[] = [];
  flattenNested(data, shape, flat, 0);
  if (options.shape !== undefined && options.shape.reduce((a, b) => a * b, 1) !== flat.length)
    throw new VigilArgumentError(`shape [${options.shape}] does not hold ${flat.length} values`);
  return wrap(native.fromArray(Float64Array.from(flat), options.shape ?? shape, options.dtype ?? "float32"));
}

export function scalar(value: number, dtype: Dtype = "float32"): Tensor {
  return wrap(native.fromArray(Float64Array.of(value), [], dtype));
}

export function zeros(shape: Shape, dtype: Dtype = "float32"): Tensor {
  return wrap(ops.zeros(shape, dtype));
}
export function ones(shape: Shape, dtype: Dtype = "float32"): Tensor {
  return wrap(ops.ones(shape, dtype));
}
export function full(shape: Shape, value: number, dtype: Dtype = "float32"): Tensor {
  return wrap(ops.full(shape, value, dtype));
}
export function eye(n: number, dtype: Dtype = "float32"): Tensor {
  return wrap(ops.eye(n, dtype));
}
export function arange(start: number, end?: number, step = 1, dtype: Dtype = "float32"): Tensor {
  return end === undefined
    ? wrap(ops.arange(0, start, step, dtype))
    : wrap(ops.arange(start, end, step, dtype));
}
export function linspace(start: number, end: number, steps: number, dtype: Dtype = "float32"): Tensor {
  return wrap(ops.linspace(start, end, steps, dtype));
}
export function rand(shape: Shape, options: { dtype?: Dtype; generator?: Generator } = {}): Tensor {
  return wrap(ops.rand(shape, options.dtype ?? "float32", options.generator?.handle));
}
export function randn(shape: Shape, options: { dtype?: Dtype; generator?: Generator } = {}): Tensor {
  return wrap(ops.randn(shape, options.dtype ?? "float32", options.generator?.handle));
}
export function randint(
  low: number,
  high: number,
  shape: Shape,
  options: { generator?: Generator } = {},
): Tensor {
  return wrap(ops.randint(low, high, shape, "int64", options.generator?.handle));
}
export function randperm(n: number, options: { generator?: Generator } = {}): Tensor {
  return wrap(ops.randperm(n, options.generator?.handle));
}
export function zerosLike(t: Tensor): Tensor {
  return wrap(ops.zeros_like(t.handle));
}
export function onesLike(t: Tensor): Tensor {
  return wrap(ops.ones_like(t.handle));
}
export function fullLike(t: Tensor, value: number): Tensor {
  return wrap(ops.full_like(t.handle, value));
}
export function randnLike(t: Tensor): Tensor {
  return wrap(ops.randn_like(t.handle));
}
export function randLike(t: Tensor): Tensor {
  return wrap(ops.rand_like(t.handle));
}
/** Uninitialised storage, for code that fills it at once. */
export function empty(shape: Shape, dtype: Dtype = "float32"): Tensor {
  return wrap(ops.empty(shape, dtype));
}
