// Finite-difference gradient checks (float64, central differences) for every differentiable op the
// engine exposes: analytic gradients from autograd must match numeric ones.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as T from "@vigil/torch";

type Case = [name: string, inputs: () => T.Tensor[], fn: (...xs: T.Tensor[]) => T.Tensor];

const gen = new T.Generator(7);
// values in ±[0.3, 1.3]: away from the kinks of abs/relu/max and the poles of log/reciprocal
const rnd = (...shape: number[]) => {
  const u = T.rand(shape, { dtype: "float64", generator: gen });
  const s = T.rand(shape, { dtype: "float64", generator: gen }).gt(0.5).to("float64").mul(2).sub(1);
  return u.add(0.3).mul(s);
};
const pos = (...shape: number[]) => T.rand(shape, { dtype: "float64", generator: gen }).add(0.5);
const unit = (...shape: number[]) => T.rand(shape, { dtype: "float64", generator: gen }).mul(1.6).sub(0.8);
const long = (values: number[]) => T.tensor(Float64Array.from(values), { dtype: "int64" });
const bool = (values: number[]) => T.tensor(Float64Array.from(values), { dtype: "bool" });

const cases: Case[] = [
  ["neg", () => [rnd(5)], (x) => x.neg()],
  ["abs", () => [rnd(5)], (x) => x.abs()],
  ["exp", () => [rnd(5)], (x) => x.exp()],
  ["log", () => [pos(5)], (x) => x.log()],
  ["log1p", () => [pos(5)], (x) => x.log1p()],
  ["expm1", () => [rnd(5)], (x) => x.expm1()],
  ["sqrt", () => [pos(5)], (x) => x.sqrt()],
  ["rsqrt", () => [pos(5)], (x) => x.rsqrt()],
  ["square", () => [rnd(5)], (x) => x.square()],
  ["reciprocal", () => [rnd(5)], (x) => x.reciprocal()],
  ["sin", () => [rnd(5)], (x) => x.sin()],
  ["cos", () => [rnd(5)], (x) => x.cos()],
  ["tanh", () => [rnd(5)], (x) => x.tanh()],
  ["sigmoid", () => [rnd(5)], (x) => x.sigmoid()],
  ["relu", () => [rnd(5)], (x) => x.relu()],
  ["erf", () => [rnd(5)], (x) => x.erf()],
  ["gelu", () => [rnd(5)], (x) => T.F.gelu(x)],
  ["gelu tanh", () => [rnd(5)], (x) => T.F.gelu(x, "tanh")],
  ["silu", () => [rnd(5)], (x) => T.F.silu(x)],
  ["softplus", () => [rnd(5)], (x) => T.F.softplus(x, 2)],
  ["leaky_relu", () => [rnd(5)], (x) => T.F.leakyRelu(x, 0.1)],
  ["add", () => [rnd(2, 3), rnd(3)], (a, b) => a.add(b!, 2)],
  ["sub", () => [rnd(2, 3), rnd(2, 3)], (a, b) => a.sub(b!)],
  ["rsub", () => [rnd(4)], (a) => a.rsub(3)],
  ["mul", () => [rnd(2, 3), rnd(2, 1)], (a, b) => a.mul(b!)],
  ["div", () => [rnd(4), rnd(4)], (a, b) => a.div(b!)],
  ["pow", () => [pos(4), rnd(4)], (a, b) => a.pow(b!)],
  ["maximum", () => [rnd(6), rnd(6)], (a, b) => a.maximum(b!)],
  ["minimum", () => [rnd(6), rnd(6)], (a, b) => a.minimum(b!)],
  ["atan2", () => [rnd(4), rnd(4)], (a, b) => a.atan2(b!)],
  ["where", () => [rnd(4), rnd(4)], (a, b) => T.where(bool([1, 0, 1, 0]), a, b!)],
  ["clamp", () => [rnd(6)], (x) => x.clamp(-0.6, 0.6)],
  ["lerp", () => [rnd(4), rnd(4)], (a, b) => a.lerp(b!, 0.3)],
  ["sum", () => [rnd(2, 3)], (x) => x.sum(1)],
  ["mean", () => [rnd(2, 3)], (x) => x.mean(0)],
  ["var", () => [rnd(2, 4)], (x) => x.var(1)],
  ["std", () => [rnd(2, 4)], (x) => x.std(1)],
  ["max over dims", () => [rnd(2, 4)], (x) => x.max(1)],
  ["min", () => [rnd(6)], (x) => x.min()],
  ["maxDim values", () => [rnd(3, 4)], (x) => x.maxDim(0).values],
  ["median", () => [rnd(5)], (x) => x.median()],
  ["median dim", () => [rnd(3, 5)], (x) => x.median(1)],
  ["quantile", () => [rnd(7)], (x) => x.quantile(0.3)],
  ["logsumexp", () => [rnd(2, 4)], (x) => x.logsumexp(1)],
  ["cumsum", () => [rnd(5)], (x) => x.cumsum(0)],
  ["cumprod", () => [rnd(5)], (x) => x.cumprod(0)],
  ["prod", () => [rnd(5)], (x) => x.prod(0)],
  ["norm", () => [rnd(2, 3)], (x) => x.norm(2, 1)],
  ["nanmean", () => [rnd(5)], (x) => x.nanmean()],
  ["matmul", () => [rnd(2, 3), rnd(3, 2)], (a, b) => a.matmul(b!)],
  ["bmm", () => [rnd(2, 2, 3), rnd(2, 3, 2)], (a, b) => a.bmm(b!)],
  ["outer", () => [rnd(3), rnd(2)], (a, b) => T.outer(a, b!)],
  ["einsum", () => [rnd(2, 3), rnd(3, 4)], (a, b) => T.einsum("ij,jk->ik", a, b!)],
  ["inverse", () => [T.eye(3, "float64").mul(2).add(rnd(3, 3).mul(0.2))], (x) => T.inverse(x)],
  ["narrow", () => [rnd(3, 4)], (x) => x.narrow(1, 1, 2)],
  ["slice", () => [rnd(6)], (x) => x.slice(0, 1, 5, 2)],
  ["select", () => [rnd(3, 4)], (x) => x.select(0, 2)],
  ["indexSelect", () => [rnd(4, 2)], (x) => x.indexSelect(0, long([3, 0, 3]))],
  ["gather", () => [rnd(3, 3)], (x) => x.gather(1, long([0, 2, 1]).unsqueeze(1))],
  ["scatter", () => [rnd(4), rnd(2)], (x, s) => x.scatter(0, long([1, 3]), s!)],
  ["scatterAdd", () => [rnd(4), rnd(3)], (x, s) => x.scatterAdd(0, long([1, 1, 3]), s!)],
  ["maskedSelect", () => [rnd(4)], (x) => x.maskedSelect(bool([1, 0, 0, 1]))],
  ["maskedFill", () => [rnd(4)], (x) => x.maskedFill(bool([1, 0, 0, 1]), 2)],
  ["index", () => [rnd(4, 2)], (x) => x.index([long([2, 0])])],
  ["indexPut", () => [rnd(4), rnd(2)], (x, v) => x.indexPut([long([0, 2])], v!)],
  ["cat", () => [rnd(2, 2), rnd(1, 2)], (a, b) => T.cat([a, b!], 0)],
  ["stack", () => [rnd(3), rnd(3)], (a, b) => T.stack([a, b!], 1)],
  ["split", () => [rnd(5)], (x) => x.split([2, 3])[1]!],
  ["chunk", () => [rnd(6)], (x) => x.chunk(3)[2]!],
  ["unbind", () => [rnd(2, 3)], (x) => x.unbind(1)[1]!],
  ["reshape+permute", () => [rnd(2, 3, 2)], (x) => x.permute(2, 0, 1).reshape(4, 3)],
  ["transpose+contiguous+view", () => [rnd(2, 3)], (x) => x.transpose(0, 1).contiguous().view(6)],
  ["squeeze/unsqueeze/expand", () => [rnd(3)], (x) => x.unsqueeze(0).expand(2, 3).squeeze(0)],
  ["flip", () => [rnd(4)], (x) => x.flip(0)],
  ["roll", () => [rnd(4)], (x) => x.roll(1, 0)],
  ["repeat", () => [rnd(2)], (x) => x.repeat(3)],
  ["unfold", () => [rnd(7)], (x) => x.unfold(0, 3, 2)],
  ["tril", () => [rnd(3, 3)], (x) => T.tril(x)],
  ["pad reflect", () => [rnd(1, 1, 5)], (x) => T.pad(x, [2, 1], "reflect")],
  ["sort values", () => [rnd(5)], (x) => x.sort().values],
  ["topk values", () => [rnd(5)], (x) => x.topk(2).values],
  ["rfft abs", () => [rnd(8)], (x) => T.fft.rfft(x).abs()],
  ["fft real/imag", () => [rnd(8)], (x) => T.fft.fft(x).real().add(T.fft.fft(x).imag())],
  ["irfft", () => [rnd(8)], (x) => T.fft.irfft(T.fft.rfft(x), { n: 8 })],
  ["ifft", () => [rnd(8)], (x) => T.fft.viewAsReal(T.fft.ifft(T.fft.fft(x)))],
  ["stft", () => [rnd(16)], (x) => T.fft.stft(x, { nFft: 8, hopLength: 4 }).abs()],
  ["linear", () => [rnd(2, 3), rnd(4, 3), rnd(4)], (x, w, b) => T.F.linear(x, w!, b)],
  [
    "conv1d",
    () => [rnd(1, 2, 7), rnd(3, 2, 3), rnd(3)],
    (x, w, b) => T.F.conv1d(x, w!, b, { stride: 2, padding: 1 }),
  ],
  [
    "conv2d",
    () => [rnd(1, 2, 4, 4), rnd(2, 2, 3, 3)],
    (x, w) => T.F.conv2d(x, w!, undefined, { padding: 1 }),
  ],
  [
    "convTranspose1d",
    () => [rnd(1, 2, 4), rnd(2, 3, 4)],
    (x, w) => T.F.convTranspose1d(x, w!, undefined, { stride: 2, padding: 1 }),
  ],
  [
    "convTranspose2d",
    () => [rnd(1, 2, 3, 3), rnd(2, 1, 2, 2)],
    (x, w) => T.F.convTranspose2d(x, w!, undefined, { stride: 2 }),
  ],
  ["maxPool1d", () => [rnd(1, 2, 6)], (x) => T.F.maxPool1d(x, 2)],
  ["maxPool2d", () => [rnd(1, 1, 4, 4)], (x) => T.F.maxPool2d(x, 2)],
  ["avgPool1d", () => [rnd(1, 2, 6)], (x) => T.F.avgPool1d(x, 3)],
  ["avgPool2d", () => [rnd(1, 1, 4, 4)], (x) => T.F.avgPool2d(x, 2)],
  ["adaptiveAvgPool1d", () => [rnd(1, 2, 7)], (x) => T.F.adaptiveAvgPool1d(x, 3)],
  [
    "batchNorm (training)",
    () => [rnd(4, 3), pos(3), rnd(3)],
    (x, w, b) => T.F.batchNorm(x, { weight: w!, bias: b!, training: true }),
  ],
  ["layerNorm", () => [rnd(2, 4), pos(4), rnd(4)], (x, w, b) => T.F.layerNorm(x, 4, w, b)],
  ["dropout p=0", () => [rnd(5)], (x) => T.F.dropout(x, 0, true)],
  ["softmax", () => [rnd(2, 4)], (x) => T.F.softmax(x, 1)],
  ["logSoftmax", () => [rnd(2, 4)], (x) => T.F.logSoftmax(x, 1)],
  ["embedding", () => [rnd(5, 2)], (w) => T.F.embedding(long([4, 1, 4]), w)],
  ["mseLoss", () => [rnd(5), rnd(5)], (a, b) => T.F.mseLoss(a, b!)],
  ["l1Loss", () => [rnd(5), rnd(5)], (a, b) => T.F.l1Loss(a, b!)],
  ["huberLoss", () => [rnd(5), rnd(5)], (a, b) => T.F.huberLoss(a, b!, "mean", 0.5)],
  [
    "binaryCrossEntropy",
    () => [unit(5)],
    (x) => T.F.binaryCrossEntropy(x.sigmoid(), T.tensor([1, 0, 1, 1, 0], { dtype: "float64" })),
  ],
  [
    "binaryCrossEntropyWithLogits",
    () => [rnd(5)],
    (x) =>
      T.F.binaryCrossEntropyWithLogits(x, T.tensor([1, 0, 1, 1, 0], { dtype: "float64" }), {
        posWeight: T.tensor([2], { dtype: "float64" }),
      }),
  ],
  ["gaussianNllLoss", () => [rnd(4), pos(4)], (x, v) => T.F.gaussianNllLoss(x, T.zerosLike(x), v!)],
];

function weightedSum(out: T.Tensor): T.Tensor {
  const w = T.linspace(0.5, 1.5, Math.max(out.numel, 1), "float64").reshape(...out.shape);
  return out.mul(w).sum();
}

function check([name, makeInputs, fn]: Case): void {
  T.tidy(() => {
    const inputs = makeInputs().map((x) => x.detach().requiresGrad_());
    const analytic = T.grad(weightedSum(fn(...inputs)), inputs);
    const eps = 1e-6;
    inputs.forEach((x, k) => {
      const base = x.detach().toFloat64Array();
      const numeric = new Float64Array(base.length);
      for (let i = 0; i < base.length; i++) {
        const at = (delta: number) =>
          T.tidy(() => {
            const moved = Float64Array.from(base);
            moved[i]! += delta;
            const xs = inputs.map((y, j) => (j === k ? T.tensor(moved, { shape: x.shape }) : y.detach()));
            return T.noGrad(() => weightedSum(fn(...xs)).item());
          });
        numeric[i] = (at(eps) - at(-eps)) / (2 * eps);
      }
      const got = analytic[k]!.toFloat64Array();
      for (let i = 0; i < base.length; i++) {
        const tol = 1e-5 * (1 + Math.abs(numeric[i]!));
        assert.ok(
          Math.abs(got[i]! - numeric[i]!) <= tol,
          `${name}: input ${k}[${i}] analytic ${got[i]} vs numeric ${numeric[i]}`,
        );
      }
    });
  });
}

describe("finite-difference gradient checks", () => {
  for (const c of cases) test(c[0], () => check(c));

  test("LSTM and GRU fused kernels (float32: looser tolerance)", () => {
    T.tidy(() => {
      for (const rnn of [new T.LSTM(2, 3), new T.GRU(2, 3)]) {
        const fn = (x: T.Tensor) => rnn.forward(x.float()).output.double();
        const x = rnd(1, 3, 2).requiresGrad_();
        const [analytic] = T.grad(weightedSum(fn(x)), [x]);
        const base = x.detach().toFloat64Array();
        const eps = 1e-3;
        for (let i = 0; i < base.length; i++) {
          const at = (d: number) =>
            T.tidy(() => {
              const m = Float64Array.from(base);
              m[i]! += d;
              return T.noGrad(() => weightedSum(fn(T.tensor(m, { shape: x.shape }))).item());
            });
          const numeric = (at(eps) - at(-eps)) / (2 * eps);
          const got = analytic!.toFloat64Array()[i]!;
          assert.ok(
            Math.abs(got - numeric) < 2e-3 * (1 + Math.abs(numeric)),
            `recurrent input[${i}]: ${got} vs ${numeric}`,
          );
        }
        rnn.dispose();
      }
    });
  });
});
