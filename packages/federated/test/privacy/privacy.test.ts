import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "@vigil/core/random";
import { dpFedAvg, gaussianRdp, noiseMultiplierFor, RdpAccountant } from "@vigil/federated/privacy";
import { l2Norm, type ModelUpdate } from "@vigil/federated/update";

const zeros = (client: string, n: number): ModelUpdate => ({
  client,
  round: 1,
  sampleCount: 1,
  loss: Number.NaN,
  tensors: [{ name: "x", shape: [n], data: new Float64Array(n) }],
});

test("DP-FedAvg adds noise of standard deviation σ·C/m to the mean", () => {
  const n = 40_000;
  const updates = ["a", "b", "c", "d"].map((c) => zeros(c, n));
  const out = dpFedAvg(updates, { clipNorm: 0.5, noiseMultiplier: 2, rng: createRng(1) });
  assert.equal(out.noiseStd, (2 * 0.5) / 4);
  const data = out.tensors[0]!.data;
  let sum = 0;
  let ss = 0;
  for (const v of data) {
    sum += v;
    ss += v * v;
  }
  const mean = sum / n;
  const std = Math.sqrt(ss / n - mean * mean);
  // The sample std of 40,000 normal draws is within 2 % of σ with overwhelming probability.
  assert.ok(Math.abs(std / 0.25 - 1) < 0.02, `std ${std}`);
  assert.ok(Math.abs(mean) < (4 * 0.25) / Math.sqrt(n), `mean ${mean}`);
  // Seeded: the same seed gives the same noise.
  const again = dpFedAvg(updates, { clipNorm: 0.5, noiseMultiplier: 2, rng: createRng(1) });
  assert.deepEqual(again.tensors[0]!.data, data);
});

test("DP-FedAvg clips each delta to C before averaging, whatever the sample counts", () => {
  const big: ModelUpdate = {
    ...zeros("big", 2),
    sampleCount: 1000,
    tensors: [{ name: "x", shape: [2], data: Float64Array.of(30, 40) }],
  };
  const small: ModelUpdate = {
    ...zeros("small", 2),
    tensors: [{ name: "x", shape: [2], data: Float64Array.of(0.3, 0.4) }],
  };
  const out = dpFedAvg([big, small], { clipNorm: 1, noiseMultiplier: 0, rng: createRng(0) });
  assert.deepEqual(out.clipped, ["big"]);
  // big becomes (0.6, 0.8); equal weights: ((0.6 + 0.3) / 2, (0.8 + 0.4) / 2).
  const [x, y] = out.tensors[0]!.data;
  assert.ok(Math.abs(x! - 0.45) < 1e-12 && Math.abs(y! - 0.6) < 1e-12);
  assert.ok(l2Norm(out.tensors) <= 1);
});

test("the accountant matches the hand-computed (ε, δ) of the Gaussian mechanism", () => {
  // One round at σ = 1: RDP(α) = α/2; ε = min over α of α/2 + ln(1/δ)/(α − 1). At δ = 1e-5 the
  // continuous optimum is α* = 1 + √(2 ln 1e5) = 5.7985, ε = 1/2 + √(2 ln 1e5) = 5.29853; the grid's
  // α = 5.8 gives 2.9 + 11.512925/4.8 = 5.298526.
  const one = new RdpAccountant();
  assert.equal(one.spent(1e-5).epsilon, 0);
  one.addGaussianRounds(1);
  const spent = one.spent(1e-5);
  assert.ok(Math.abs(spent.epsilon - 5.298526) < 1e-5, `${spent.epsilon}`);
  assert.ok(Math.abs(spent.order - 5.8) < 1e-9);
  // Ten rounds at σ = 4: RDP(α) = 10α/32; at α = 7.1: 2.21875 + 11.512925/6.1 = 4.106106.
  const ten = new RdpAccountant();
  for (let r = 0; r < 10; r++) ten.addGaussianRounds(4);
  assert.ok(Math.abs(ten.spent(1e-5).epsilon - 4.106106) < 1e-5, `${ten.spent(1e-5).epsilon}`);
  assert.equal(ten.rounds, 10);
  // Composition is additive in RDP: T rounds at σ equal one round at σ/√T.
  const equivalent = new RdpAccountant();
  equivalent.addGaussianRounds(4 / Math.sqrt(10));
  assert.ok(Math.abs(equivalent.spent(1e-5).epsilon - ten.spent(1e-5).epsilon) < 1e-9);
  assert.equal(gaussianRdp(3, 0), Number.POSITIVE_INFINITY);
});

test("noiseMultiplierFor inverts the accountant", () => {
  const sigma = noiseMultiplierFor({ epsilon: 4.106106, delta: 1e-5, rounds: 10 });
  assert.ok(Math.abs(sigma - 4) < 0.01, `${sigma}`);
  const accountant = new RdpAccountant();
  const s = noiseMultiplierFor({ epsilon: 1, delta: 1e-5, rounds: 20 });
  accountant.addGaussianRounds(s, 20);
  assert.ok(accountant.spent(1e-5).epsilon <= 1);
});
