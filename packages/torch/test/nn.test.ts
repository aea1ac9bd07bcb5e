import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as T from "@vigil/torch";
import { assertClose, data, fromFixture, reference } from "./helpers.ts";

const v = (t: T.Tensor) => Array.from(t.toFloat64Array());

function loadParams(module: T.Module, params: unknown): void {
  const state = new Map(
    Object.entries(params as Record<string, unknown>).map(([k, a]) => [k, fromFixture(a, "float32")]),
  );
  module.loadStateDict(state);
}

describe("layers match PyTorch on fixed weights", () => {
  test("conv1d and conv_transpose1d", () => {
    T.tidy(() => {
      const r = reference.conv1d!;
      const y = T.F.conv1d(fromFixture(r.x), fromFixture(r.w), fromFixture(r.b), { stride: 2, padding: 1 });
      assertClose(v(y), data(r.y), 1e-9);
      const t = reference.conv_transpose1d!;
      const yt = T.F.convTranspose1d(fromFixture(t.x), fromFixture(t.w), undefined, {
        stride: 2,
        padding: 1,
      });
      assertClose(v(yt), data(t.y), 1e-9);
    });
  });
  test("LSTM (2 layers, batch first) with PyTorch parameter names", () => {
    T.tidy(() => {
      const r = reference.lstm!;
      const lstm = new T.LSTM(3, 4, { numLayers: 2 });
      loadParams(lstm, r.params);
      const { output, h, c } = lstm.forward(fromFixture(r.x, "float32"));
      assertClose(v(output), data(r.output), 1e-5);
      assertClose(v(h), data(r.h), 1e-5);
      assertClose(v(c), data(r.c), 1e-5);
      lstm.dispose();
    });
  });
  test("GRU", () => {
    T.tidy(() => {
      const r = reference.gru!;
      const gru = new T.GRU(3, 4);
      loadParams(gru, r.params);
      const { output, h } = gru.forward(fromFixture(r.x, "float32"));
      assertClose(v(output), data(r.output), 1e-5);
      assertClose(v(h), data(r.h), 1e-5);
      gru.dispose();
    });
  });
  test("TransformerEncoderLayer (post-norm, eval)", () => {
    T.tidy(() => {
      const r = reference.transformer_encoder_layer!;
      const layer = new T.TransformerEncoderLayer(8, 2, { dimFeedforward: 16, dropout: 0 });
      loadParams(layer, r.params);
      layer.eval();
      assertClose(v(layer.forward(fromFixture(r.x, "float32"))), data(r.y), 1e-5);
      layer.dispose();
    });
  });
});

describe("Module", () => {
  test("state dict names, train/eval, strict loading errors", () => {
    const model = new T.Sequential(new T.Linear(4, 8), new T.ReLU(), new T.Dropout(0.5), new T.Linear(8, 2));
    assert.deepEqual([...model.stateDict().keys()], ["0.weight", "0.bias", "3.weight", "3.bias"]);
    assert.equal(model.parameterCount(), 4 * 8 + 8 + 8 * 2 + 2);
    const bn = new T.BatchNorm1d(3);
    assert.deepEqual([...bn.stateDict().keys()], ["weight", "bias", "running_mean", "running_var"]);
    T.tidy(() => {
      const x = T.randn([16, 4]);
      model.eval();
      assert.deepEqual(v(model.forward(x)), v(model.forward(x)), "dropout is off in eval");
      model.train();
      const bad = new Map([["0.weight", T.zeros([3, 3])]]);
      assert.throws(() => model.loadStateDict(bad), /0\.weight" has shape \[3,3\].*missing "0\.bias"/);
      bn.forward(T.randn([32, 3]).add(5));
      assert.ok(bn.runningMean.mean().item() > 0.3, "running mean moves toward the batch mean");
    });
    model.dispose();
    bn.dispose();
  });
  test("parameter initialisation follows PyTorch's bounds", () => {
    const lin = new T.Linear(100, 50);
    const bound = 1 / Math.sqrt(100);
    assert.ok(lin.weight.abs().max().item() <= bound);
    assert.ok(lin.weight.abs().max().item() > bound * 0.9);
    const conv = new T.ConvTranspose1d(8, 4, 3);
    assert.deepEqual(conv.weight.shape, [8, 4, 3]);
    assert.ok(conv.weight.abs().max().item() <= 1 / Math.sqrt(12));
    lin.dispose();
    conv.dispose();
  });
  test("Embedding, LayerNorm, MultiheadAttention shapes", () => {
    T.tidy(() => {
      const e = new T.Embedding(10, 4);
      assert.deepEqual(e.forward(T.tensor([1, 2, 3], { dtype: "int64" })).shape, [3, 4]);
      const ln = new T.LayerNorm(4);
      const y = ln.forward(T.randn([5, 4]).mul(3).add(2));
      assertClose(v(y.mean(-1)), [0, 0, 0, 0, 0], 1e-5);
      const enc = new T.TransformerEncoder(
        () => new T.TransformerEncoderLayer(8, 2, { dimFeedforward: 16 }),
        2,
      );
      assert.deepEqual(enc.forward(T.randn([2, 5, 8])).shape, [2, 5, 8]);
      assert.ok([...enc.stateDict().keys()].includes("layers.1.self_attn.in_proj_weight"));
      for (const m of [e, ln, enc]) m.dispose();
    });
  });
  test("gaussian NLL matches its formula", () => {
    T.tidy(() => {
      const x = T.tensor([1, 2], { dtype: "float64" });
      const y = T.tensor([0, 2], { dtype: "float64" });
      const loss = T.F.gaussianNllLoss(x, y, T.tensor([2, 0.5], { dtype: "float64" })).item();
      const expected = (0.5 * (Math.log(2) + 1 / 2) + 0.5 * Math.log(0.5)) / 2;
      assertClose([loss], [expected], 1e-12);
    });
  });
});

describe("optimisers match PyTorch for three steps", () => {
  const r = reference.adam!;
  function run(make: (p: T.Tensor) => T.Optimizer): number[] {
    return T.tidy(() => {
      const p = T.keep(fromFixture(r.p0).requiresGrad_());
      const target = fromFixture(r.target);
      const weights = T.arange(1, 6, 1, "float64");
      const opt = make(p);
      for (let i = 0; i < 3; i++) {
        T.tidy(() => {
          opt.zeroGrad();
          p.sub(target).square().mul(weights).sum().backward();
          opt.step();
        });
      }
      const out = v(p);
      p.dispose();
      opt.dispose();
      return out;
    });
  }
  test("Adam", () =>
    assertClose(
      run((p) => new T.Adam([p], { lr: 0.1 })),
      data(r.p3),
      1e-5,
    ));
  test("AdamW", () =>
    assertClose(
      run((p) => new T.AdamW([p], { lr: 0.1, weightDecay: 0.1 })),
      data(reference.adamw!.p3),
      1e-5,
    ));
  test("SGD with Nesterov momentum", () =>
    assertClose(
      run((p) => new T.SGD([p], { lr: 0.05, momentum: 0.9, nesterov: true })),
      data(reference.sgd_nesterov!.p3),
      1e-9,
    ));
  test("RMSprop", () =>
    assertClose(
      run((p) => new T.RMSprop([p], { lr: 0.01 })),
      data(reference.rmsprop!.p3),
      1e-5,
    ));
  test("unknown options are rejected", () => {
    assert.throws(() => new T.Adam([], { learningRate: 1 } as never), /Unknown option "learningRate"/);
  });
  test("gradient clipping and schedulers", () => {
    T.tidy(() => {
      const p = T.tensor([3, 4], { dtype: "float64" }).requiresGrad_();
      p.square().sum().mul(0.5).backward();
      const total = T.clipGradNorm([p], 1);
      assertClose([total.item()], [5]);
      assertClose(v(p.grad!), [0.6, 0.8], 1e-6);
      const opt = new T.SGD([p], { lr: 1 });
      const cosine = new T.CosineAnnealingLR(opt, 10);
      for (let i = 0; i < 5; i++) cosine.step();
      assertClose([opt.lr], [0.5]);
      assertClose([opt.lrTensor.item()], [0.5]);
      const stepLr = new T.StepLR(opt, 2, 0.5);
      stepLr.step();
      stepLr.step();
      assertClose([opt.lr], [0.25]);
      const plateau = new T.ReduceLROnPlateau(opt, { patience: 1, factor: 0.5 });
      for (const m of [1, 1, 1]) plateau.step(m);
      assertClose([opt.lr], [0.125]);
      opt.dispose();
    });
  });
});
