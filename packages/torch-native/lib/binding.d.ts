// The raw binding, typed once by hand. Mirrors src/*.cc exactly; scripts/check-binding.mjs fails
// when a registration and this file disagree. Internal: use @vigil/torch, never this, in Vigil code.
// Argument order follows PyTorch; `?` arguments may be null/undefined for libtorch's default.

export type Dtype = "float32" | "float64" | "int64" | "int32" | "bool" | "uint8" | "complex64" | "complex128";
export interface TensorHandle {
  readonly __tensorHandle: unique symbol;
}
export interface GeneratorHandle {
  readonly __generatorHandle: unique symbol;
}
export interface ProgramHandle {
  readonly __programHandle: unique symbol;
}
type T = TensorHandle;
type Opt<X> = X | null | undefined;
/** An int list, or a single int where PyTorch accepts `int or tuple`. */
type Ints = number | readonly number[];
/** A tensor or a number (a number promotes like a Python scalar). */
type TN = T | number;
type Reduction = "mean" | "sum" | "none";
type Gen = Opt<GeneratorHandle>;

export interface Ops {
  // creation
  zeros(shape: Ints, dtype?: Opt<Dtype>): T;
  ones(shape: Ints, dtype?: Opt<Dtype>): T;
  empty(shape: Ints, dtype?: Opt<Dtype>): T;
  full(shape: Ints, value: number, dtype?: Opt<Dtype>): T;
  eye(n: number, dtype?: Opt<Dtype>): T;
  arange(start: number, end: number, step: number, dtype?: Opt<Dtype>): T;
  linspace(start: number, end: number, steps: number, dtype?: Opt<Dtype>): T;
  rand(shape: Ints, dtype?: Opt<Dtype>, generator?: Gen): T;
  randn(shape: Ints, dtype?: Opt<Dtype>, generator?: Gen): T;
  randint(low: number, high: number, shape: Ints, dtype?: Opt<Dtype>, generator?: Gen): T;
  randperm(n: number, generator?: Gen): T;
  zeros_like(x: T): T;
  ones_like(x: T): T;
  full_like(x: T, value: number): T;
  rand_like(x: T): T;
  randn_like(x: T): T;
  bernoulli(probabilities: T, generator?: Gen): T;
  // elementwise unary
  neg(x: T): T;
  abs(x: T): T;
  exp(x: T): T;
  log(x: T): T;
  log1p(x: T): T;
  log2(x: T): T;
  log10(x: T): T;
  expm1(x: T): T;
  sqrt(x: T): T;
  rsqrt(x: T): T;
  square(x: T): T;
  reciprocal(x: T): T;
  sin(x: T): T;
  cos(x: T): T;
  tan(x: T): T;
  asin(x: T): T;
  acos(x: T): T;
  atan(x: T): T;
  sinh(x: T): T;
  cosh(x: T): T;
  tanh(x: T): T;
  sigmoid(x: T): T;
  relu(x: T): T;
  silu(x: T): T;
  erf(x: T): T;
  sign(x: T): T;
  floor(x: T): T;
  ceil(x: T): T;
  round(x: T): T;
  trunc(x: T): T;
  isnan(x: T): T;
  isfinite(x: T): T;
  logical_not(x: T): T;
  log_sigmoid(x: T): T;
  real(x: T): T;
  imag(x: T): T;
  view_as_real(x: T): T;
  angle(x: T): T;
  gelu(x: T, approximate?: Opt<"none" | "tanh">): T;
  softplus(x: T, beta?: Opt<number>, threshold?: Opt<number>): T;
  elu(x: T, alpha?: Opt<number>): T;
  leaky_relu(x: T, slope?: Opt<number>): T;
  nan_to_num(x: T, nan?: Opt<number>, posinf?: Opt<number>, neginf?: Opt<number>): T;
  // elementwise binary
  add(a: T, b: TN, alpha?: Opt<number>): T;
  sub(a: T, b: TN, alpha?: Opt<number>): T;
  mul(a: T, b: TN): T;
  div(a: T, b: TN): T;
  pow(a: T, b: TN): T;
  remainder(a: T, b: TN): T;
  fmod(a: T, b: TN): T;
  maximum(a: T, b: TN): T;
  minimum(a: T, b: TN): T;
  atan2(a: T, b: TN): T;
  eq(a: T, b: TN): T;
  ne(a: T, b: TN): T;
  lt(a: T, b: TN): T;
  le(a: T, b: TN): T;
  gt(a: T, b: TN): T;
  ge(a: T, b: TN): T;
  logical_and(a: T, b: TN): T;
  logical_or(a: T, b: TN): T;
  logical_xor(a: T, b: TN): T;
  /** b - a */
  rsub(a: T, b: TN): T;
  where(condition: T, x: TN, y: TN): T;
  clamp(x: T, min?: Opt<TN>, max?: Opt<TN>): T;
  lerp(a: T, b: T, weight: TN): T;
  to(x: T, dtype: Dtype): T;
  isclose(a: T, b: T, rtol?: Opt<number>, atol?: Opt<number>): T;
  // in place (return nothing)
  add_(x: T, other: TN, alpha?: Opt<number>): void;
  sub_(x: T, other: TN, alpha?: Opt<number>): void;
  mul_(x: T, other: TN): void;
  div_(x: T, other: TN): void;
  addcmul_(x: T, a: T, b: T, value?: Opt<number>): void;
  addcdiv_(x: T, a: T, b: T, value?: Opt<number>): void;
  lerp_(x: T, end: T, weight: TN): void;
  copy_(dst: T, src: T): void;
  zero_(x: T): void;
  fill_(x: T, value: number): void;
  sqrt_(x: T): void;
  clamp_(x: T, min?: Opt<number>, max?: Opt<number>): void;
  masked_fill_(x: T, mask: T, value: number): void;
  normal_(x: T, mean?: Opt<number>, std?: Opt<number>, generator?: Gen): void;
  uniform_(x: T, from?: Opt<number>, to?: Opt<number>, generator?: Gen): void;
  // reductions
  sum(x: T, dims?: Opt<Ints>, keepdim?: Opt<boolean>): T;
  mean(x: T, dims?: Opt<Ints>, keepdim?: Opt<boolean>): T;
  nansum(x: T, dims?: Opt<Ints>, keepdim?: Opt<boolean>): T;
  nanmean(x: T, dims?: Opt<Ints>, keepdim?: Opt<boolean>): T;
  prod(x: T, dim?: Opt<number>, keepdim?: Opt<boolean>): T;
  var(x: T, dims?: Opt<Ints>, correction?: Opt<number>, keepdim?: Opt<boolean>): T;
  std(x: T, dims?: Opt<Ints>, correction?: Opt<number>, keepdim?: Opt<boolean>): T;
  amax(x: T, dims?: Opt<Ints>, keepdim?: Opt<boolean>): T;
  amin(x: T, dims?: Opt<Ints>, keepdim?: Opt<boolean>): T;
  max(x: T): T;
  min(x: T): T;
  max_dim(x: T, dim: number, keepdim?: Opt<boolean>): [values: T, indices: T];
  min_dim(x: T, dim: number, keepdim?: Opt<boolean>): [values: T, indices: T];
  argmax(x: T, dim?: Opt<number>, keepdim?: Opt<boolean>): T;
  argmin(x: T, dim?: Opt<number>, keepdim?: Opt<boolean>): T;
  median(x: T): T;
  nanmedian(x: T): T;
  median_dim(x: T, dim: number, keepdim?: Opt<boolean>): [values: T, indices: T];
  nanmedian_dim(x: T, dim: number, keepdim?: Opt<boolean>): [values: T, indices: T];
  quantile(x: T, q: TN, dim?: Opt<number>, keepdim?: Opt<boolean>, interpolation?: Opt<string>): T;
  nanquantile(x: T, q: TN, dim?: Opt<number>, keepdim?: Opt<boolean>, interpolation?: Opt<string>): T;
  logsumexp(x: T, dims: Ints, keepdim?: Opt<boolean>): T;
  cumsum(x: T, dim: number): T;
  cumprod(x: T, dim: number): T;
  norm(x: T, p: number, dims?: Opt<Ints>, keepdim?: Opt<boolean>): T;
  all(x: T, dim?: Opt<number>, keepdim?: Opt<boolean>): T;
  any(x: T, dim?: Opt<number>, keepdim?: Opt<boolean>): T;
  count_nonzero(x: T, dim?: Opt<number>): T;
  // linear algebra
  matmul(a: T, b: T): T;
  mm(a: T, b: T): T;
  bmm(a: T, b: T): T;
  outer(a: T, b: T): T;
  einsum(equation: string, operands: readonly T[]): T;
  linalg_inv(x: T): T;
  cholesky(x: T): T;
  linalg_eigh(x: T): [eigenvalues: T, eigenvectors: T];
  // indexing and joining
  narrow(x: T, dim: number, start: number, length: number): T;
  slice(x: T, dim: number, start?: Opt<number>, end?: Opt<number>, step?: Opt<number>): T;
  select(x: T, dim: number, index: number): T;
  index_select(x: T, dim: number, index: T): T;
  gather(x: T, dim: number, index: T): T;
  scatter(x: T, dim: number, index: T, src: TN): T;
  scatter_add(x: T, dim: number, index: T, src: T): T;
  masked_select(x: T, mask: T): T;
  masked_fill(x: T, mask: T, value: number): T;
  index(x: T, indices: readonly T[]): T;
  index_put(x: T, indices: readonly T[], values: T, accumulate?: Opt<boolean>): T;
  nonzero(x: T): T;
  cat(tensors: readonly T[], dim?: Opt<number>): T;
  stack(tensors: readonly T[], dim?: Opt<number>): T;
  split(x: T, sizeOrSizes: Ints, dim?: Opt<number>): T[];
  chunk(x: T, chunks: number, dim?: Opt<number>): T[];
  unbind(x: T, dim?: Opt<number>): T[];
  // shape and layout
  reshape(x: T, shape: Ints): T;
  view(x: T, shape: Ints): T;
  permute(x: T, dims: Ints): T;
  transpose(x: T, dim0: number, dim1: number): T;
  squeeze(x: T, dim?: Opt<number>): T;
  unsqueeze(x: T, dim: number): T;
  expand(x: T, shape: Ints): T;
  flip(x: T, dims: Ints): T;
  roll(x: T, shifts: Ints, dims: Ints): T;
  flatten(x: T, startDim?: Opt<number>, endDim?: Opt<number>): T;
  repeat(x: T, repeats: Ints): T;
  contiguous(x: T): T;
  clone(x: T): T;
  unfold(x: T, dim: number, size: number, step: number): T;
  tril(x: T, diagonal?: Opt<number>): T;
  triu(x: T, diagonal?: Opt<number>): T;
  pad(x: T, pad: Ints, mode?: Opt<"constant" | "reflect" | "replicate" | "circular">, value?: Opt<number>): T;
  // sorting
  sort(x: T, dim?: Opt<number>, descending?: Opt<boolean>): [values: T, indices: T];
  argsort(x: T, dim?: Opt<number>, descending?: Opt<boolean>): T;
  topk(
    x: T,
    k: number,
    dim?: Opt<number>,
    largest?: Opt<boolean>,
    sorted?: Opt<boolean>,
  ): [values: T, indices: T];
  // FFT (complex results)
  fft_rfft(x: T, n?: Opt<number>, dim?: Opt<number>, norm?: Opt<"backward" | "forward" | "ortho">): T;
  fft_irfft(x: T, n?: Opt<number>, dim?: Opt<number>, norm?: Opt<"backward" | "forward" | "ortho">): T;
  fft_fft(x: T, n?: Opt<number>, dim?: Opt<number>, norm?: Opt<"backward" | "forward" | "ortho">): T;
  fft_ifft(x: T, n?: Opt<number>, dim?: Opt<number>, norm?: Opt<"backward" | "forward" | "ortho">): T;
  stft(
    x: T,
    nFft: number,
    hopLength?: Opt<number>,
    winLength?: Opt<number>,
    window?: Opt<T>,
    center?: Opt<boolean>,
    normalized?: Opt<boolean>,
    onesided?: Opt<boolean>,
  ): T;
  hann_window(n: number, periodic?: Opt<boolean>, dtype?: Opt<Dtype>): T;
  // autograd
  requires_grad_(x: T, requiresGrad?: Opt<boolean>): void;
  detach(x: T): T;
  grad(x: T): T | undefined;
  zero_grad(x: T): void;
  backward(loss: T, gradient?: Opt<T>, retainGraph?: Opt<boolean>): void;
  set_grad_enabled(enabled: boolean): void;
  autograd_grad(
    outputs: readonly T[],
    inputs: readonly T[],
    gradOutputs?: Opt<readonly T[]>,
    retainGraph?: Opt<boolean>,
    createGraph?: Opt<boolean>,
  ): T[];
  // neural-network functional
  linear(x: T, weight: T, bias?: Opt<T>): T;
  conv1d(
    x: T,
    weight: T,
    bias?: Opt<T>,
    stride?: Opt<Ints>,
    padding?: Opt<Ints>,
    dilation?: Opt<Ints>,
    groups?: Opt<number>,
  ): T;
  conv2d(
    x: T,
    weight: T,
    bias?: Opt<T>,
    stride?: Opt<Ints>,
    padding?: Opt<Ints>,
    dilation?: Opt<Ints>,
    groups?: Opt<number>,
  ): T;
  conv_transpose1d(
    x: T,
    weight: T,
    bias?: Opt<T>,
    stride?: Opt<Ints>,
    padding?: Opt<Ints>,
    outputPadding?: Opt<Ints>,
    groups?: Opt<number>,
    dilation?: Opt<Ints>,
  ): T;
  conv_transpose2d(
    x: T,
    weight: T,
    bias?: Opt<T>,
    stride?: Opt<Ints>,
    padding?: Opt<Ints>,
    outputPadding?: Opt<Ints>,
    groups?: Opt<number>,
    dilation?: Opt<Ints>,
  ): T;
  max_pool1d(
    x: T,
    kernel: Ints,
    stride?: Opt<Ints>,
    padding?: Opt<Ints>,
    dilation?: Opt<Ints>,
    ceilMode?: Opt<boolean>,
  ): T;
  max_pool2d(
    x: T,
    kernel: Ints,
    stride?: Opt<Ints>,
    padding?: Opt<Ints>,
    dilation?: Opt<Ints>,
    ceilMode?: Opt<boolean>,
  ): T;
  avg_pool1d(x: T, kernel: Ints, stride?: Opt<Ints>, padding?: Opt<Ints>, ceilMode?: Opt<boolean>): T;
  avg_pool2d(x: T, kernel: Ints, stride?: Opt<Ints>, padding?: Opt<Ints>, ceilMode?: Opt<boolean>): T;
  adaptive_avg_pool1d(x: T, outputSize: Ints): T;
  adaptive_avg_pool2d(x: T, outputSize: Ints): T;
  upsample_nearest1d(x: T, outputSize: Ints): T;
  batch_norm(
    x: T,
    weight: Opt<T>,
    bias: Opt<T>,
    runningMean: Opt<T>,
    runningVar: Opt<T>,
    training: boolean,
    momentum?: Opt<number>,
    eps?: Opt<number>,
  ): T;
  layer_norm(x: T, normalizedShape: Ints, weight?: Opt<T>, bias?: Opt<T>, eps?: Opt<number>): T;
  group_norm(x: T, groups: number, weight?: Opt<T>, bias?: Opt<T>, eps?: Opt<number>): T;
  dropout(x: T, p: number, train: boolean): T;
  softmax(x: T, dim: number): T;
  log_softmax(x: T, dim: number): T;
  embedding(weight: T, indices: T, paddingIdx?: Opt<number>): T;
  mse_loss(input: T, target: T, reduction?: Opt<Reduction>): T;
  l1_loss(input: T, target: T, reduction?: Opt<Reduction>): T;
  huber_loss(input: T, target: T, reduction?: Opt<Reduction>, delta?: Opt<number>): T;
  smooth_l1_loss(input: T, target: T, reduction?: Opt<Reduction>, beta?: Opt<number>): T;
  binary_cross_entropy(input: T, target: T, reduction?: Opt<Reduction>, weight?: Opt<T>): T;
  binary_cross_entropy_with_logits(
    input: T,
    target: T,
    reduction?: Opt<Reduction>,
    weight?: Opt<T>,
    posWeight?: Opt<T>,
  ): T;
  nll_loss(input: T, target: T, reduction?: Opt<Reduction>, weight?: Opt<T>): T;
  lstm(
    input: T,
    hx: readonly [T, T],
    params: readonly T[],
    hasBiases: boolean,
    numLayers: number,
    dropout: number,
    train: boolean,
    bidirectional: boolean,
    batchFirst: boolean,
  ): [output: T, h: T, c: T];
  gru(
    input: T,
    hx: readonly [T],
    params: readonly T[],
    hasBiases: boolean,
    numLayers: number,
    dropout: number,
    train: boolean,
    bidirectional: boolean,
    batchFirst: boolean,
  ): [output: T, h: T];
}

export interface TensorInfo {
  requiresGrad: boolean;
  isLeaf: boolean;
  isContiguous: boolean;
  hasGrad: boolean;
  numel: number;
}

export interface ProgramInfo {
  instructions: number;
  slots: number;
  constants: number;
  inputs: number;
  outputs: number;
  ops: string[];
}

export interface Binding {
  ops: Ops;
  shape(x: T): number[];
  strides(x: T): number[];
  dtype(x: T): Dtype;
  info(x: T): TensorInfo;
  isDisposed(x: T): boolean;
  dispose(x: T): void;
  toArray(x: T): Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array;
  item(x: T): number | boolean;
  fromArray(
    data: Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array,
    shape: Ints,
    dtype?: Dtype,
  ): T;
  memory(): { tensors: number; bytes: number };
  setNumThreads(n: number): void;
  getNumThreads(): number;
  manualSeed(seed: number): void;
  generator(seed?: number): GeneratorHandle;
  toString(x: T): string;
  versions(): { libtorch: string; parallel: string; config: string };
  traceBegin(inputs: readonly T[]): ProgramHandle;
  traceEnd(program: ProgramHandle, outputs: readonly T[] | null): void;
  programRun(program: ProgramHandle, inputs: readonly T[]): T[];
  programRunAsync(program: ProgramHandle, inputs: readonly T[]): Promise<T[]>;
  programInfo(program: ProgramHandle): ProgramInfo;
  programDispose(program: ProgramHandle): void;
}

// Not exposed (deliberate gaps):
// - CUDA/device transfer: the CPU build is the target; a LIBTORCH build with CUDA compiles, but no device API yet.
// - sparse tensors, quantisation, TorchScript modules: Vigil's models are defined in TypeScript.
// - gaussian_nll_loss, multi-head attention: composed in TypeScript from the ops above.
