// Operations on several tensors at once (PyTorch's torch.* namespace functions).
import { ops } from "../runtime/native.ts";
import { raw, type Tensor, type TensorLike, wrap } from "./tensor.ts";

export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  return wrap(
    ops.cat(
      tensors.map((t) => t.handle),
      dim,
    ),
  );
}
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  return wrap(
    ops.stack(
      tensors.map((t) => t.handle),
      dim,
    ),
  );
}
export function where(condition: Tensor, x: TensorLike, y: TensorLike): Tensor {
  return wrap(ops.where(condition.handle, raw(x), raw(y)));
}
export function einsum(equation: string, ...operands: Tensor[]): Tensor {
  return wrap(
    ops.einsum(
      equation,
      operands.map((t) => t.handle),
    ),
  );
}
export function matmul(a: Tensor, b: Tensor): Tensor {
  return wrap(ops.matmul(a.handle, b.handle));
}
export function bmm(a: Tensor, b: Tensor): Tensor {
  return wrap(ops.bmm(a.handle, b.handle));
}
export function outer(a: Tensor, b: Tensor): Tensor {
  return wrap(ops.outer(a.handle, b.handle));
}
export function maximum(a: Tensor, b: TensorLike): Tensor {
  return wrap(ops.maximum(a.handle, raw(b)));
}
export function minimum(a: Tensor, b: TensorLike): Tensor {
  return wrap(ops.minimum(a.handle, raw(b)));
}
export function isclose(a: Tensor, b: Tensor, rtol = 1e-5, atol = 1e-8): Tensor {
  return wrap(ops.isclose(a.handle, b.handle, rtol, atol));
}
/** Symmetric eigendecomposition (ascending eigenvalues). */
export function eigh(x: Tensor): { eigenvalues: Tensor; eigenvectors: Tensor } {
  const [eigenvalues, eigenvectors] = ops.linalg_eigh(x.handle);
  return { eigenvalues: wrap(eigenvalues), eigenvectors: wrap(eigenvectors) };
}
export function inverse(x: Tensor): Tensor {
  return wrap(ops.linalg_inv(x.handle));
}
export function cholesky(x: Tensor): Tensor {
  return wrap(ops.cholesky(x.handle));
}
export function tril(x: Tensor, diagonal = 0): Tensor {
  return wrap(ops.tril(x.handle, diagonal));
}
export function triu(x: Tensor, diagonal = 0): Tensor {
  return wrap(ops.triu(x.handle, diagonal));
}
export function pad(
  x: Tensor,
  padding: number[],
  mode: "constant" | "reflect" | "replicate" | "circular" = "constant",
  value = 0,
): Tensor {
  return wrap(ops.pad(x.handle, padding, mode, mode === "constant" ? value : null));
}
