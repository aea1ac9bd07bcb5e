import type { Dtype, TensorHandle } from "@vigil/torch-native";
import { DisposedError } from "../runtime/errors.ts";
import { native, ops } from "../runtime/native.ts";
import type { Generator } from "./generator.ts";
import { track } from "./scope.ts";

export type { Dtype } from "@vigil/torch-native";
export type Shape = readonly number[];
/** A tensor or a plain number (numbers promote like Python scalars). */
export type TensorLike = Tensor | number;
export type TypedArray = Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array;

/** Unwraps a tensor to its native handle and passes numbers through. */
export function raw(value: TensorLike): TensorHandle | number {
  return typeof value === "number" ? value : value.handle;
}

/** Wraps a fresh native handle into a tracked Tensor. */
export function wrap(handle: TensorHandle): Tensor {
  return new Tensor(handle);
}

export function wrapAll(handles: TensorHandle[]): Tensor[] {
  return handles.map(wrap);
}

/**
 * An n-dimensional array in libtorch's memory. Every operation returns a new tensor (in-place
 * methods end in `_` and return `this`). Tensors are released by dispose(), by the tidy() scope
 * they were created in, or, as a safety net, when garbage-collected.
 */
export class Tensor {
  #handle: TensorHandle | undefined;
  #shape: number[] | undefined;

  /** @internal use the creation functions (tensor, zeros, randn...) instead. */
  constructor(handle: TensorHandle) {
    this.#handle = handle;
    track(this);
  }

  /** @internal the native handle. */
  get handle(): TensorHandle {
    // A handle released natively (e.g. by another wrapper) is reported by the binding itself.
    if (this.#handle === undefined) throw new DisposedError("tensor");
    return this.#handle;
  }

  get isDisposed(): boolean {
    return this.#handle === undefined || native.isDisposed(this.#handle);
  }

  dispose(): void {
    if (this.#handle !== undefined) native.dispose(this.#handle);
    this.#handle = undefined;
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  // ---- metadata ----
  get shape(): number[] {
    this.#shape ??= native.shape(this.handle);
    return this.#shape;
  }
  get strides(): number[] {
    return native.strides(this.handle);
  }
  get dtype(): Dtype {
    return native.dtype(this.handle);
  }
  get ndim(): number {
    return this.shape.length;
  }
  get numel(): number {
    return this.shape.reduce((a, b) => a * b, 1);
  }
  size(dim: number): number {
    const d = dim < 0 ? this.ndim + dim : dim;
    const s = this.shape[d];
    if (s === undefined) throw new RangeError(`dimension ${dim} out of range for a ${this.ndim}-d tensor`);
    return s;
  }
  get requiresGrad(): boolean {
    return native.info(this.handle).requiresGrad;
  }
  get isLeaf(): boolean {
    return native.info(this.handle).isLeaf;
  }
  get isContiguous(): boolean {
    return native.info(this.handle).isContiguous;
  }

  // ---- data transfer ----
  /** Copies the data out (row-major). int64 comes back as BigInt64Array, bool as Uint8Array. */
  toArray(): TypedArray {
    return native.toArray(this.handle);
  }
  /** The data as a Float64Array whatever the dtype (complex tensors: interleaved re, im). */
  toFloat64Array(): Float64Array {
    const data = this.toArray();
    if (data instanceof Float64Array) return data;
    if (data instanceof BigInt64Array) return Float64Array.from(data, Number);
    return Float64Array.from(data);
  }
  item(): number {
    return Number(native.item(this.handle));
  }
  /** Nested arrays, for small tensors and tests. */
  toNested(): unknown {
    const flat = Array.from(this.toFloat64Array());
    const build = (dims: number[], offset: number): unknown => {
      if (dims.length === 0) return flat[offset];
      const [n, ...rest] = dims as [number, ...number[]];
      const stride = rest.reduce((a, b) => a * b, 1);
      return Array.from({ length: n }, (_, i) => build(rest, offset + i * stride));
    };
    return build(this.shape, 0);
  }
  toString(): string {
    return this.isDisposed ? "Tensor(disposed)" : native.toString(this.handle);
  }

  // ---- elementwise ----
  add(other: TensorLike, alpha?: number): Tensor {
    return wrap(ops.add(this.handle, raw(other), alpha));
  }
  sub(other: TensorLike, alpha?: number): Tensor {
    return wrap(ops.sub(this.handle, raw(other), alpha));
  }
  /** other - this */
  rsub(other: TensorLike): Tensor {
    return wrap(ops.rsub(this.handle, raw(other)));
  }
  mul(other: TensorLike): Tensor {
    return wrap(ops.mul(this.handle, raw(other)));
  }
  div(other: TensorLike): Tensor {
    return wrap(ops.div(this.handle, raw(other)));
  }
  pow(exponent: TensorLike): Tensor {
    return wrap(ops.pow(this.handle, raw(exponent)));
  }
  remainder(other: TensorLike): Tensor {
    return wrap(ops.remainder(this.handle, raw(other)));
  }
  maximum(other: TensorLike): Tensor {
    return wrap(ops.maximum(this.handle, raw(other)));
  }
  minimum(other: TensorLike): Tensor {
    return wrap(ops.minimum(this.handle, raw(other)));
  }
  atan2(other: TensorLike): Tensor {
    return wrap(ops.atan2(this.handle, raw(other)));
  }
  eq(other: TensorLike): Tensor {
    return wrap(ops.eq(this.handle, raw(other)));
  }
  ne(other: TensorLike): Tensor {
    return wrap(ops.ne(this.handle, raw(other)));
  }
  lt(other: TensorLike): Tensor {
    return wrap(ops.lt(this.handle, raw(other)));
  }
  le(other: TensorLike): Tensor {
    return wrap(ops.le(this.handle, raw(other)));
  }
  gt(other: TensorLike): Tensor {
    return wrap(ops.gt(this.handle, raw(other)));
  }
  ge(other: TensorLike): Tensor {
    return wrap(ops.ge(this.handle, raw(other)));
  }
  logicalAnd(other: TensorLike): Tensor {
    return wrap(ops.logical_and(this.handle, raw(other)));
  }
  logicalOr(other: TensorLike): Tensor {
    return wrap(ops.logical_or(this.handle, raw(other)));
  }
  logicalNot(): Tensor {
    return wrap(ops.logical_not(this.handle));
  }
  clamp(min?: TensorLike, max?: TensorLike): Tensor {
    return wrap(
      ops.clamp(this.handle, min === undefined ? null : raw(min), max === undefined ? null : raw(max)),
    );
  }
  lerp(end: Tensor, weight: TensorLike): Tensor {
    return wrap(ops.lerp(this.handle, end.handle, raw(weight)));
  }
  neg(): Tensor {
    return wrap(ops.neg(this.handle));
  }
  abs(): Tensor {
    return wrap(ops.abs(this.handle));
  }
  exp(): Tensor {
    return wrap(ops.exp(this.handle));
  }
  log(): Tensor {
    return wrap(ops.log(this.handle));
  }
  log1p(): Tensor {
    return wrap(ops.log1p(this.handle));
  }
  expm1(): Tensor {
    return wrap(ops.expm1(this.handle));
  }
  sqrt(): Tensor {
    return wrap(ops.sqrt(this.handle));
  }
  rsqrt(): Tensor {
    return wrap(ops.rsqrt(this.handle));
  }
  square(): Tensor {
    return wrap(ops.square(this.handle));
  }
  reciprocal(): Tensor {
    return wrap(ops.reciprocal(this.handle));
  }
  sin(): Tensor {
    return wrap(ops.sin(this.handle));
  }
  cos(): Tensor {
    return wrap(ops.cos(this.handle));
  }
  tanh(): Tensor {
    return wrap(ops.tanh(this.handle));
  }
  sigmoid(): Tensor {
    return wrap(ops.sigmoid(this.handle));
  }
  relu(): Tensor {
    return wrap(ops.relu(this.handle));
  }
  sign(): Tensor {
    return wrap(ops.sign(this.handle));
  }
  floor(): Tensor {
    return wrap(ops.floor(this.handle));
  }
  ceil(): Tensor {
    return wrap(ops.ceil(this.handle));
  }
  round(): Tensor {
    return wrap(ops.round(this.handle));
  }
  erf(): Tensor {
    return wrap(ops.erf(this.handle));
  }
  isnan(): Tensor {
    return wrap(ops.isnan(this.handle));
  }
  isfinite(): Tensor {
    return wrap(ops.isfinite(this.handle));
  }
  nanToNum(nan = 0, posinf?: number, neginf?: number): Tensor {
    return wrap(ops.nan_to_num(this.handle, nan, posinf, neginf));
  }
  /** Real part (complex tensors). */
  real(): Tensor {
    return wrap(ops.real(this.handle));
  }
  imag(): Tensor {
    return wrap(ops.imag(this.handle));
  }
  to(dtype: Dtype): Tensor {
    return wrap(ops.to(this.handle, dtype));
  }
  float(): Tensor {
    return this.to("float32");
  }
  double(): Tensor {
    return this.to("float64");
  }

  // ---- in place (return this) ----
  add_(other: TensorLike, alpha?: number): this {
    ops.add_(this.handle, raw(other), alpha);
    return this;
  }
  sub_(other: TensorLike, alpha?: number): this {
    ops.sub_(this.handle, raw(other), alpha);
    return this;
  }
  mul_(other: TensorLike): this {
    ops.mul_(this.handle, raw(other));
    return this;
  }
  div_(other: TensorLike): this {
    ops.div_(this.handle, raw(other));
    return this;
  }
  addcmul_(a: Tensor, b: Tensor, value = 1): this {
    ops.addcmul_(this.handle, a.handle, b.handle, value);
    return this;
  }
  addcdiv_(a: Tensor, b: Tensor, value = 1): this {
    ops.addcdiv_(this.handle, a.handle, b.handle, value);
    return this;
  }
  lerp_(end: Tensor, weight: TensorLike): this {
    ops.lerp_(this.handle, end.handle, raw(weight));
    return this;
  }
  copy_(source: Tensor): this {
    ops.copy_(this.handle, source.handle);
    return this;
  }
  zero_(): this {
    ops.zero_(this.handle);
    return this;
  }
  fill_(value: number): this {
    ops.fill_(this.handle, value);
    return this;
  }
  sqrt_(): this {
    ops.sqrt_(this.handle);
    return this;
  }
  clamp_(min?: number, max?: number): this {
    ops.clamp_(this.handle, min, max);
    return this;
  }
  maskedFill_(mask: Tensor, value: number): this {
    ops.masked_fill_(this.handle, mask.handle, value);
    return this;
  }
  normal_(mean = 0, std = 1, generator?: Generator): this {
    ops.normal_(this.handle, mean, std, generator?.handle);
    return this;
  }
  uniform_(from = 0, to = 1, generator?: Generator): this {
    ops.uniform_(this.handle, from, to, generator?.handle);
    return this;
  }

  // ---- reductions ----
  sum(dims?: number | number[], keepdim = false): Tensor {
    return wrap(ops.sum(this.handle, dims, keepdim));
  }
  mean(dims?: number | number[], keepdim = false): Tensor {
    return wrap(ops.mean(this.handle, dims, keepdim));
  }
  nansum(dims?: number | number[], keepdim = false): Tensor {
    return wrap(ops.nansum(this.handle, dims, keepdim));
  }
  nanmean(dims?: number | number[], keepdim = false): Tensor {
    return wrap(ops.nanmean(this.handle, dims, keepdim));
  }
  prod(dim?: number, keepdim = false): Tensor {
    return wrap(ops.prod(this.handle, dim, keepdim));
  }
  /** Variance with Bessel's correction by default (correction = 1), as PyTorch. */
  var(dims?: number | number[], options: { correction?: number; keepdim?: boolean } = {}): Tensor {
    return wrap(ops.var(this.handle, dims, options.correction ?? 1, options.keepdim ?? false));
  }
  std(dims?: number | number[], options: { correction?: number; keepdim?: boolean } = {}): Tensor {
    return wrap(ops.std(this.handle, dims, options.correction ?? 1, options.keepdim ?? false));
  }
  /** Maximum over everything, or over dims (values only; see maxDim for indices). */
  max(dims?: number | number[], keepdim = false): Tensor {
    return wrap(dims === undefined ? ops.max(this.handle) : ops.amax(this.handle, dims, keepdim));
  }
  min(dims?: number | number[], keepdim = false): Tensor {
    return wrap(dims === undefined ? ops.min(this.handle) : ops.amin(this.handle, dims, keepdim));
  }
  maxDim(dim: number, keepdim = false): { values: Tensor; indices: Tensor } {
    const [values, indices] = ops.max_dim(this.handle, dim, keepdim);
    return { values: wrap(values), indices: wrap(indices) };
  }
  minDim(dim: number, keepdim = false): { values: Tensor; indices: Tensor } {
    const [values, indices] = ops.min_dim(this.handle, dim, keepdim);
    return { values: wrap(values), indices: wrap(indices) };
  }
  argmax(dim?: number, keepdim = false): Tensor {
    return wrap(ops.argmax(this.handle, dim, keepdim));
  }
  argmin(dim?: number, keepdim = false): Tensor {
    return wrap(ops.argmin(this.handle, dim, keepdim));
  }
  /** Median over everything (lower median for even counts, as PyTorch), or along dim. */
  median(dim?: number, keepdim = false): Tensor {
    if (dim === undefined) return wrap(ops.median(this.handle));
    const [values, indices] = ops.median_dim(this.handle, dim, keepdim);
    native.dispose(indices);
    return wrap(values);
  }
  nanmedian(dim?: number, keepdim = false): Tensor {
    if (dim === undefined) return wrap(ops.nanmedian(this.handle));
    const [values, indices] = ops.nanmedian_dim(this.handle, dim, keepdim);
    native.dispose(indices);
    return wrap(values);
  }
  quantile(
    q: number | Tensor,
    options: {
      dim?: number;
      keepdim?: boolean;
      interpolation?: "linear" | "lower" | "higher" | "midpoint" | "nearest";
    } = {},
  ): Tensor {
    return wrap(
      ops.quantile(this.handle, raw(q), options.dim, options.keepdim ?? false, options.interpolation),
    );
  }
  nanquantile(q: number | Tensor, options: { dim?: number; keepdim?: boolean } = {}): Tensor {
    return wrap(ops.nanquantile(this.handle, raw(q), options.dim, options.keepdim ?? false));
  }
  logsumexp(dims: number | number[], keepdim = false): Tensor {
    return wrap(ops.logsumexp(this.handle, dims, keepdim));
  }
  cumsum(dim: number): Tensor {
    return wrap(ops.cumsum(this.handle, dim));
  }
  cumprod(dim: number): Tensor {
    return wrap(ops.cumprod(this.handle, dim));
  }
  norm(p = 2, dims?: number | number[], keepdim = false): Tensor {
    return wrap(ops.norm(this.handle, p, dims, keepdim));
  }
  all(dim?: number, keepdim = false): Tensor {
    return wrap(ops.all(this.handle, dim, keepdim));
  }
  any(dim?: number, keepdim = false): Tensor {
    return wrap(ops.any(this.handle, dim, keepdim));
  }

  // ---- linear algebra ----
  matmul(other: Tensor): Tensor {
    return wrap(ops.matmul(this.handle, other.handle));
  }
  bmm(other: Tensor): Tensor {
    return wrap(ops.bmm(this.handle, other.handle));
  }

  // ---- indexing ----
  narrow(dim: number, start: number, length: number): Tensor {
    return wrap(ops.narrow(this.handle, dim, start, length));
  }
  /** Python's x[start:end:step] along dim (negative indices count from the end). */
  slice(dim: number, start?: number, end?: number, step = 1): Tensor {
    return wrap(ops.slice(this.handle, dim, start, end, step));
  }
  select(dim: number, index: number): Tensor {
    return wrap(ops.select(this.handle, dim, index));
  }
  indexSelect(dim: number, index: Tensor): Tensor {
    return wrap(ops.index_select(this.handle, dim, index.handle));
  }
  gather(dim: number, index: Tensor): Tensor {
    return wrap(ops.gather(this.handle, dim, index.handle));
  }
  scatter(dim: number, index: Tensor, source: TensorLike): Tensor {
    return wrap(ops.scatter(this.handle, dim, index.handle, raw(source)));
  }
  scatterAdd(dim: number, index: Tensor, source: Tensor): Tensor {
    return wrap(ops.scatter_add(this.handle, dim, index.handle, source.handle));
  }
  maskedSelect(mask: Tensor): Tensor {
    return wrap(ops.masked_select(this.handle, mask.handle));
  }
  maskedFill(mask: Tensor, value: number): Tensor {
    return wrap(ops.masked_fill(this.handle, mask.handle, value));
  }
  /** Advanced indexing: one index tensor (integer or boolean mask) per leading dimension. */
  index(indices: Tensor[]): Tensor {
    return wrap(
      ops.index(
        this.handle,
        indices.map((t) => t.handle),
      ),
    );
  }
  indexPut(indices: Tensor[], values: Tensor, accumulate = false): Tensor {
    return wrap(
      ops.index_put(
        this.handle,
        indices.map((t) => t.handle),
        values.handle,
        accumulate,
      ),
    );
  }
  nonzero(): Tensor {
    return wrap(ops.nonzero(this.handle));
  }
  split(sizeOrSizes: number | number[], dim = 0): Tensor[] {
    return wrapAll(ops.split(this.handle, sizeOrSizes, dim));
  }
  chunk(chunks: number, dim = 0): Tensor[] {
    return wrapAll(ops.chunk(this.handle, chunks, dim));
  }
  unbind(dim = 0): Tensor[] {
    return wrapAll(ops.unbind(this.handle, dim));
  }

  // ---- shape ----
  reshape(...shape: number[]): Tensor {
    return wrap(ops.reshape(this.handle, shape));
  }
  view(...shape: number[]): Tensor {
    return wrap(ops.view(this.handle, shape));
  }
  permute(...dims: number[]): Tensor {
    return wrap(ops.permute(this.handle, dims));
  }
  transpose(dim0: number, dim1: number): Tensor {
    return wrap(ops.transpose(this.handle, dim0, dim1));
  }
  /** Matrix transpose of the last two dimensions. */
  get T(): Tensor {
    return this.transpose(-2, -1);
  }
  squeeze(dim?: number): Tensor {
    return wrap(ops.squeeze(this.handle, dim));
  }
  unsqueeze(dim: number): Tensor {
    return wrap(ops.unsqueeze(this.handle, dim));
  }
  expand(...shape: number[]): Tensor {
    return wrap(ops.expand(this.handle, shape));
  }
  flip(dims: number | number[]): Tensor {
    return wrap(ops.flip(this.handle, dims));
  }
  roll(shifts: number | number[], dims: number | number[]): Tensor {
    return wrap(ops.roll(this.handle, shifts, dims));
  }
  flatten(startDim = 0, endDim = -1): Tensor {
    return wrap(ops.flatten(this.handle, startDim, endDim));
  }
  repeat(...repeats: number[]): Tensor {
    return wrap(ops.repeat(this.handle, repeats));
  }
  contiguous(): Tensor {
    return wrap(ops.contiguous(this.handle));
  }
  clone(): Tensor {
    return wrap(ops.clone(this.handle));
  }
  /** Sliding windows of `size` with `step` along `dim`, appended as a new last dimension (a view). */
  unfold(dim: number, size: number, step: number): Tensor {
    return wrap(ops.unfold(this.handle, dim, size, step));
  }

  // ---- sorting ----
  sort(dim = -1, descending = false): { values: Tensor; indices: Tensor } {
    const [values, indices] = ops.sort(this.handle, dim, descending);
    return { values: wrap(values), indices: wrap(indices) };
  }
  argsort(dim = -1, descending = false): Tensor {
    return wrap(ops.argsort(this.handle, dim, descending));
  }
  topk(k: number, dim = -1, largest = true): { values: Tensor; indices: Tensor } {
    const [values, indices] = ops.topk(this.handle, k, dim, largest, true);
    return { values: wrap(values), indices: wrap(indices) };
  }

  // ---- autograd ----
  requiresGrad_(requiresGrad = true): this {
    ops.requires_grad_(this.handle, requiresGrad);
    return this;
  }
  /** The accumulated gradient, or undefined when none has been computed. */
  get grad(): Tensor | undefined {
    const g = ops.grad(this.handle);
    return g === undefined ? undefined : wrap(g);
  }
  /** Drops the accumulated gradient (PyTorch's zero_grad(set_to_none=True)). */
  zeroGrad(): void {
    ops.zero_grad(this.handle);
  }
  backward(options: { gradient?: Tensor; retainGraph?: boolean } = {}): void {
    ops.backward(this.handle, options.gradient?.handle, options.retainGraph);
  }
  detach(): Tensor {
    return wrap(ops.detach(this.handle));
  }
}
