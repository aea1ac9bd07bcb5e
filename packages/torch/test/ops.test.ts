import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as T from "@vigil/torch";
import { assertClose, data, fromFixture, reference } from "./helpers.ts";

const v = (t: T.Tensor) => Array.from(t.toFloat64Array());

describe("creation", () => {
  test("zeros, ones, full, eye, arange, linspace", () => {
    T.tidy(() => {
      assert.deepEqual(v(T.zeros([2, 2])), [0, 0, 0, 0]);
      assert.deepEqual(T.ones([3], "int64").toArray(), BigInt64Array.of(1n, 1n, 1n));
      assert.deepEqual(v(T.full([2], 7.5, "float64")), [7.5, 7.5]);
      assert.deepEqual(v(T.eye(2)), [1, 0, 0, 1]);
      assert.deepEqual(v(T.arange(0, 5, 2)), [0, 2, 4]);
      assert.deepEqual(v(T.arange(3)), [0, 1, 2]);
      assertClose(v(T.linspace(0, 1, 5)), [0, 0.25, 0.5, 0.75, 1]);
      assert.deepEqual(
        T.tensor([
          [1, 2],
          [3, 4],
        ]).shape,
        [2, 2],
      );
      assert.equal(T.tensor([true, false], { dtype: "bool" }).dtype, "bool");
      assert.equal(T.scalar(3).shape.length, 0);
    });
  });
  test("seeded generators reproduce", () => {
    T.tidy(() => {
      const a = T.randn([5], { generator: new T.Generator(42) });
      const b = T.randn([5], { generator: new T.Generator(42) });
      const c = T.randn([5], { generator: new T.Generator(43) });
      assert.deepEqual(v(a), v(b));
      assert.notDeepEqual(v(a), v(c));
      const u = T.rand([1000], { generator: new T.Generator(1) });
      assert.ok(u.min().item() >= 0 && u.max().item() < 1);
      assert.ok(Math.abs(u.mean().item() - 0.5) < 0.05);
      const perm = T.randperm(6, { generator: new T.Generator(3) }).sort().values;
      assert.deepEqual(v(perm), [0, 1, 2, 3, 4, 5]);
    });
  });
  test("typed arrays round-trip for every dtype", () => {
    T.tidy(() => {
      assert.deepEqual(T.tensor(Float32Array.of(1.5, -2)).toArray(), Float32Array.of(1.5, -2));
      assert.deepEqual(T.tensor(Float64Array.of(1e-300)).toArray(), Float64Array.of(1e-300));
      assert.deepEqual(T.tensor(Int32Array.of(-7, 9)).toArray(), Int32Array.of(-7, 9));
      assert.deepEqual(T.tensor(BigInt64Array.of(2n ** 40n)).toArray(), BigInt64Array.of(2n ** 40n));
      assert.deepEqual(T.tensor(Uint8Array.of(255, 0)).toArray(), Uint8Array.of(255, 0));
      assert.deepEqual(
        T.tensor(Float64Array.of(1, 0, 2), { dtype: "bool" }).toArray(),
        Uint8Array.of(1, 0, 1),
      );
      assert.deepEqual(T.tensor(Float64Array.of(1, 2, 3, 4, 5, 6), { shape: [2, 3] }).strides, [3, 1]);
    });
  });
});

describe("elementwise", () => {
  test("math, scalar promotion and comparisons", () => {
    T.tidy(() => {
      const x = T.tensor([1, 4, 9], { dtype: "float64" });
      assert.deepEqual(v(x.sqrt()), [1, 2, 3]);
      assert.deepEqual(v(x.add(1)), [2, 5, 10]);
      assert.deepEqual(v(x.rsub(10)), [9, 6, 1]);
      assert.deepEqual(v(x.mul(x)), [1, 16, 81]);
      assert.deepEqual(v(x.pow(0.5)), [1, 2, 3]);
      assert.deepEqual(v(x.gt(3)), [0, 1, 1]);
      assert.deepEqual(v(T.where(x.gt(3), x, 0)), [0, 4, 9]);
      assert.deepEqual(v(x.clamp(2, 5)), [2, 4, 5]);
      assertClose(v(x.log().exp()), [1, 4, 9]);
      assertClose(v(T.tensor([0], { dtype: "float64" }).sigmoid()), [0.5]);
      assert.equal(
        T.ones([2], "int64").add(0.5).dtype,
        "float32",
        "int tensor + float scalar promotes to the default float",
      );
      assert.deepEqual(v(T.tensor([Number.NaN, 1]).nanToNum(7)), [7, 1]);
      assert.deepEqual(v(T.tensor([Number.NaN, 1]).isnan()), [1, 0]);
    });
  });
  test("activations", () => {
    T.tidy(() => {
      const x = T.tensor([-1, 0, 2], { dtype: "float64" });
      assert.deepEqual(v(T.F.relu(x)), [0, 0, 2]);
      assertClose(v(T.F.gelu(x)), [-0.15865525393145707, 0, 1.9544997361036416]);
      assertClose(v(T.F.silu(x)), [-1 / (1 + Math.E), 0, 2 / (1 + Math.exp(-2))]);
      assertClose(v(T.F.softplus(x)), [Math.log1p(Math.exp(-1)), Math.log(2), Math.log1p(Math.exp(2))]);
      assertClose(v(T.F.softmax(x, 0).sum()), [1]);
      assertClose(v(T.F.logSoftmax(x, 0).exp().sum()), [1]);
    });
  });
});

describe("reductions", () => {
  test("match PyTorch", () => {
    T.tidy(() => {
      const r = reference.reductions!;
      const q = fromFixture(r.x);
      assertClose(v(q.quantile(0.3, { dim: 1 })), data(r.quantile_0_3_dim1));
      assertClose(v(q.median()), [r.median as number]);
      assertClose(v(q.std(0)), data(r.std_dim0));
      assertClose(v(q.logsumexp(1)), data(r.logsumexp_dim1));
    });
  });
  test("sum, mean, var, min, max, argmax, cumsum", () => {
    T.tidy(() => {
      const x = T.tensor(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        { dtype: "float64" },
      );
      assert.equal(x.sum().item(), 21);
      assert.deepEqual(v(x.sum(0)), [5, 7, 9]);
      assert.deepEqual(x.sum(1, true).shape, [2, 1]);
      assert.deepEqual(v(x.mean(1)), [2, 5]);
      assert.deepEqual(v(x.var(1)), [1, 1]);
      assert.deepEqual(v(x.var(1, { correction: 0 })), [2 / 3, 2 / 3]);
      assert.equal(x.max().item(), 6);
      assert.deepEqual(v(x.min(1)), [1, 4]);
      assert.deepEqual(v(x.argmax(1)), [2, 2]);
      assert.deepEqual(v(x.maxDim(0).indices), [1, 1, 1]);
      assert.deepEqual(v(x.cumsum(1)), [1, 3, 6, 4, 9, 15]);
      assert.deepEqual(v(x.prod(1)), [6, 120]);
      assertClose(v(x.norm()), [Math.sqrt(91)]);
      assert.deepEqual(v(T.tensor([1, Number.NaN, 3]).nanmean()), [2]);
      assert.equal(x.gt(5).any().item(), 1);
    });
  });
});

describe("linear algebra", () => {
  test("matmul, bmm, einsum, eigh", () => {
    T.tidy(() => {
      const a = T.tensor(
        [
          [1, 2],
          [3, 4],
        ],
        { dtype: "float64" },
      );
      assert.deepEqual(v(a.matmul(a)), [7, 10, 15, 22]);
      assert.deepEqual(v(T.bmm(a.unsqueeze(0), a.unsqueeze(0))), [7, 10, 15, 22]);
      assert.deepEqual(v(T.einsum("ij,jk->ik", a, a)), [7, 10, 15, 22]);
      assert.deepEqual(v(T.einsum("ii->", a)), [5]);
      const { eigenvalues } = T.eigh(
        T.tensor(
          [
            [2, 1],
            [1, 2],
          ],
          { dtype: "float64" },
        ),
      );
      assertClose(v(eigenvalues), [1, 3]);
      assertClose(v(T.inverse(a).matmul(a)), [1, 0, 0, 1], 1e-9);
    });
  });
});

describe("indexing and shape", () => {
  test("narrow, slice, select, gather, scatter, masks, cat, stack, split", () => {
    T.tidy(() => {
      const x = T.arange(0, 12, 1, "float64").reshape(3, 4);
      assert.deepEqual(v(x.narrow(1, 1, 2)), [1, 2, 5, 6, 9, 10]);
      assert.deepEqual(v(x.slice(1, 0, undefined, 2)), [0, 2, 4, 6, 8, 10]);
      assert.deepEqual(v(x.slice(0, -1)), [8, 9, 10, 11]);
      assert.deepEqual(v(x.select(0, 1)), [4, 5, 6, 7]);
      assert.deepEqual(v(x.indexSelect(0, T.tensor([2, 0], { dtype: "int64" }))), [8, 9, 10, 11, 0, 1, 2, 3]);
      assert.deepEqual(v(x.gather(1, T.tensor([[0], [1], [3]], { dtype: "int64" }))), [0, 5, 11]);
      assert.deepEqual(
        v(T.zeros([3], "float64").scatter(0, T.tensor([2], { dtype: "int64" }), 5)),
        [0, 0, 5],
      );
      assert.deepEqual(v(x.maskedSelect(x.gt(9))), [10, 11]);
      assert.deepEqual(v(x.maskedFill(x.lt(10), 0).sum()), [21]);
      assert.deepEqual(
        v(x.index([T.tensor([true, false, true], { dtype: "bool" })])),
        [0, 1, 2, 3, 8, 9, 10, 11],
      );
      assert.deepEqual(T.cat([x, x], 0).shape, [6, 4]);
      assert.deepEqual(T.stack([x, x], 1).shape, [3, 2, 4]);
      assert.deepEqual(x.split(1, 0).length, 3);
      assert.deepEqual(
        x.split([1, 3], 1).map((t) => t.shape),
        [
          [3, 1],
          [3, 3],
        ],
      );
      assert.deepEqual(x.chunk(2, 1)[1]!.shape, [3, 2]);
      assert.deepEqual(x.permute(1, 0).shape, [4, 3]);
      assert.deepEqual(x.T.contiguous().view(12).shape, [12]);
      assert.deepEqual(x.unsqueeze(0).squeeze(0).shape, [3, 4]);
      assert.deepEqual(T.tensor([1, 2]).unsqueeze(1).expand(2, 3).shape, [2, 3]);
      assert.deepEqual(v(T.tensor([1, 2, 3]).flip(0)), [3, 2, 1]);
      assert.deepEqual(v(T.tensor([1, 2, 3]).roll(1, 0)), [3, 1, 2]);
      assert.deepEqual(x.flatten().shape, [12]);
      assert.deepEqual(T.tensor([1, 2]).repeat(3).shape, [6]);
      assert.deepEqual(v(x.nonzero().select(1, 0).slice(0, 0, 2)), [0, 0]);
    });
  });
  test("unfold makes sliding windows", () => {
    T.tidy(() => {
      const w = T.arange(0, 6, 1, "float64").unfold(0, 3, 2);
      assert.deepEqual(w.shape, [2, 3]);
      assert.deepEqual(v(w), [0, 1, 2, 2, 3, 4]);
    });
  });
  test("sort, argsort, topk", () => {
    T.tidy(() => {
      const x = T.tensor([3, 1, 2], { dtype: "float64" });
      assert.deepEqual(v(x.sort().values), [1, 2, 3]);
      assert.deepEqual(v(x.sort(-1, true).indices), [0, 2, 1]);
      assert.deepEqual(v(x.argsort()), [1, 2, 0]);
      assert.deepEqual(v(x.topk(2).values), [3, 2]);
    });
  });
});

describe("fft", () => {
  test("rfft puts a pure tone in its bin; irfft inverts", () => {
    T.tidy(() => {
      const n = 64;
      const t = T.arange(0, n, 1, "float64")
        .mul((2 * Math.PI * 5) / n)
        .sin();
      const mag = v(T.fft.rfft(t).abs());
      assert.equal(mag.indexOf(Math.max(...mag)), 5);
      assertClose([mag[5]!], [n / 2], 1e-9);
      assertClose(v(T.fft.irfft(T.fft.rfft(t), { n })), v(t), 1e-9);
    });
  });
  test("stft matches PyTorch", () => {
    T.tidy(() => {
      const r = reference.stft!;
      const x = fromFixture(r.x);
      const mag = T.fft.stft(x, { nFft: 16, hopLength: 8 }).abs();
      assertClose(v(mag), data(r.mag), 1e-9);
    });
  });
});
