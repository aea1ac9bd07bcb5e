// Functional neural-network ops (torch.nn.functional). Stateless: modules hold the parameters.
import { ops } from "../runtime/native.ts";
import { type Tensor, type TensorLike, wrap } from "../tensor/tensor.ts";

export type Reduction = "mean" | "sum" | "none";
type Ints = number | number[];

export function linear(x: Tensor, weight: Tensor, bias?: Tensor): Tensor {
  return wrap(ops.linear(x.handle, weight.handle, bias?.handle));
}
export interface ConvOptions {
  stride?: Ints;
  padding?: Ints;
  dilation?: Ints;
  groups?: number;
}
export function conv1d(x: Tensor, weight: Tensor, bias?: Tensor, o: ConvOptions = {}): Tensor {
  return wrap(ops.conv1d(x.handle, weight.handle, bias?.handle, o.stride, o.padding, o.dilation, o.groups));
}
export function conv2d(x: Tensor, weight: Tensor, bias?: Tensor, o: ConvOptions = {}): Tensor {
  return wrap(ops.conv2d(x.handle, weight.handle, bias?.handle, o.stride, o.padding, o.dilation, o.groups));
}
export interface ConvTransposeOptions extends ConvOptions {
  outputPadding?: Ints;
}
export function convTranspose1d(
  x: Tensor,
  weight: Tensor,
  bias?: Tensor,
  o: ConvTransposeOptions = {},
): Tensor {
  return wrap(
    ops.conv_transpose1d(
      x.handle,
      weight.handle,
      bias?.handle,
      o.stride,
      o.padding,
      o.outputPadding,
      o.groups,
      o.dilation,
    ),
  );
}
export function convTranspose2d(
  x: Tensor,
  weight: Tensor,
  bias?: Tensor,
  o: ConvTransposeOptions = {},
): Tensor {
  return wrap(
    ops.conv_transpose2d(
      x.handle,
      weight.handle,
      bias?.handle,
      o.stride,
      o.padding,
      o.outputPadding,
      o.groups,
      o.dilation,
    ),
  );
}
export interface PoolOptions {
  stride?: Ints;
  padding?: Ints;
  ceilMode?: boolean;
}
export function maxPool1d(x: Tensor, kernel: Ints, o: PoolOptions & { dilation?: Ints } = {}): Tensor {
  return wrap(ops.max_pool1d(x.handle, kernel, o.stride, o.padding, o.dilation, o.ceilMode));
}
export function maxPool2d(x: Tensor, kernel: Ints, o: PoolOptions & { dilation?: Ints } = {}): Tensor {
  return wrap(ops.max_pool2d(x.handle, kernel, o.stride, o.padding, o.dilation, o.ceilMode));
}
export function avgPool1d(x: Tensor, kernel: Ints, o: PoolOptions = {}): Tensor {
  return wrap(ops.avg_pool1d(x.handle, kernel, o.stride, o.padding, o.ceilMode));
}
export function avgPool2d(x: Tensor, kernel: Ints, o: PoolOptions = {}): Tensor {
  return wrap(ops.avg_pool2d(x.handle, kernel, o.stride, o.padding, o.ceilMode));
}
export function adaptiveAvgPool1d(x: Tensor, outputSize: number): Tensor {
  return wrap(ops.adaptive_avg_pool1d(x.handle, outputSize));
}
export function batchNorm(
  x: Tensor,
  o: {
    weight?: Tensor;
    bias?: Tensor;
    runningMean?: Tensor;
    runningVar?: Tensor;
    training: boolean;
    momentum?: number;
    eps?: number;
  },
): Tensor {
  return wrap(
    ops.batch_norm(
      x.handle,
      o.weight?.handle,
      o.bias?.handle,
      o.runningMean?.handle,
      o.runningVar?.handle,
      o.training,
      o.momentum ?? 0.1,
      o.eps ?? 1e-5,
    ),
  );
}
export function layerNorm(
  x: Tensor,
  normalizedShape: Ints,
  weight?: Tensor,
  bias?: Tensor,
  eps = 1e-5,
): Tensor {
  return wrap(ops.layer_norm(x.handle, normalizedShape, weight?.handle, bias?.handle, eps));
}
export function dropout(x: Tensor, p: number, training: boolean): Tensor {
  return wrap(ops.dropout(x.handle, p, training));
}
export function relu(x: Tensor): Tensor {
  return wrap(ops.relu(x.handle));
}
export function gelu(x: Tensor, approximate: "none" | "tanh" = "none"): Tensor {
  return wrap(ops.gelu(x.handle, approximate));
}
export function silu(x: Tensor): Tensor {
  return wrap(ops.silu(x.handle));
}
export function tanh(x: Tensor): Tensor {
  return wrap(ops.tanh(x.handle));
}
export function sigmoid(x: Tensor): Tensor {
  return wrap(ops.sigmoid(x.handle));
}
export function softplus(x: Tensor, beta = 1, threshold = 20): Tensor {
  return wrap(ops.softplus(x.handle, beta, threshold));
}
export function leakyRelu(x: Tensor, slope = 0.01): Tensor {
  return wrap(ops.leaky_relu(x.handle, slope));
}
export function softmax(x: Tensor, dim: number): Tensor {
  return wrap(ops.softmax(x.handle, dim));
}
export function logSoftmax(x: Tensor, dim: number): Tensor {
  return wrap(ops.log_softmax(x.handle, dim));
}
export function embedding(indices: Tensor, weight: Tensor, paddingIdx?: number): Tensor {
  return wrap(ops.embedding(weight.handle, indices.handle, paddingIdx));
}
export function mseLoss(input: Tensor, target: Tensor, reduction: Reduction = "mean"): Tensor {
  return wrap(ops.mse_loss(input.handle, target.handle, reduction));
}
export function l1Loss(input: Tensor, target: Tensor, reduction: Reduction = "mean"): Tensor {
  return wrap(ops.l1_loss(input.handle, target.handle, reduction));
}
export function huberLoss(input: Tensor, target: Tensor, reduction: Reduction = "mean", delta = 1): Tensor {
  return wrap(ops.huber_loss(input.handle, target.handle, reduction, delta));
}
export function binaryCrossEntropy(
  input: Tensor,
  target: Tensor,
  reduction: Reduction = "mean",
  weight?: Tensor,
): Tensor {
  return wrap(ops.binary_cross_entropy(input.handle, target.handle, reduction, weight?.handle));
}
export function binaryCrossEntropyWithLogits(
  input: Tensor,
  target: Tensor,
  o: { reduction?: Reduction; weight?: Tensor; posWeight?: Tensor } = {},
): Tensor {
  return wrap(
    ops.binary_cross_entropy_with_logits(
      input.handle,
      target.handle,
      o.reduction ?? "mean",
      o.weight?.handle,
      o.posWeight?.handle,
    ),
  );
}
/**
 * Gaussian negative log-likelihood with a predicted variance, as torch.nn.functional.gaussian_nll_loss:
 * 0.5·(log(max(var, eps)) + (input − target)² / max(var, eps)) [+ 0.5·log(2π) when full].
 */
export function gaussianNllLoss(
  input: Tensor,
  target: Tensor,
  variance: TensorLike,
  o: { full?: boolean; eps?: number; reduction?: Reduction } = {},
): Tensor {
  const v = typeof variance === "number" ? Math.max(variance, o.eps ?? 1e-6) : variance.clamp(o.eps ?? 1e-6);
  const diff = input.sub(target);
  const sq = diff.square();
  const ratio = sq.div(v);
  const logv = typeof v === "number" ? Math.log(v) : v.log();
  let loss = ratio.add(logv).mul(0.5);
  if (o.full) loss = loss.add(0.5 * Math.log(2 * Math.PI));
  const reduction = o.reduction ?? "mean";
  if (reduction === "none") return loss;
  return reduction === "mean" ? loss.mean() : loss.sum();
}
