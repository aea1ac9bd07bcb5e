import assert from "node:assert/strict";
import { test } from "node:test";
import {
  betaBernoulliModel,
  bocpd,
  changepointsFromStartProbability,
  normalGammaModel,
} from "../../src/changepoint/index.ts";
import { createRng } from "../../src/random/index.ts";

test("predictive densities of the priors", () => {
  const bb = betaBernoulliModel();
  const p = new Float64Array(bb.size);
  bb.writePrior(p, 0);
  assert.ok(Math.abs(Math.exp(bb.logPredictive(p, 0, 1)) - 0.9) < 1e-12);
  // Student-t with ν = 2, scale² = 2 at its centre: Γ(1.5) / sqrt(2π·2) = 0.25.
  const ng = normalGammaModel();
  const q = new Float64Array(ng.size);
  ng.writePrior(q, 0);
  assert.ok(Math.abs(Math.exp(ng.logPredictive(q, 0, 0)) - 0.25) < 1e-12);
});

test("Beta-Bernoulli BOCPD with Appendix C settings finds a drop in the good-rate mask", () => {
  const rand = createRng(3).next;
  const mask = Array.from({ length: 3000 }, (_, i) =>
    rand() < (i >= 1000 && i < 2000 ? 0.5 : 0.99) ? 1 : 0,
  );
  const { startProbability, mapRunLength } = bocpd(mask, betaBernoulliModel());
  const cps = changepointsFromStartProbability(startProbability, 0.1);
  assert.equal(cps.length, 2, `changepoints ${cps}`);
  assert.ok(Math.abs(cps[0]! - 1000) <= 15 && Math.abs(cps[1]! - 2000) <= 15, `changepoints ${cps}`);
  assert.equal(mapRunLength[0], 1);
});

test("Normal-Gamma BOCPD finds a mean shift and nothing in a stationary stretch", () => {
  const rng = createRng(11);
  const x = Array.from({ length: 800 }, (_, i) => rng.normal() + (i >= 400 ? 3 : 0));
  const { startProbability } = bocpd(x, normalGammaModel(), {
    hazardTimescale: 250,
    lag: 20,
    maxRunLength: 200,
  });
  const cps = changepointsFromStartProbability(startProbability, 0.5);
  assert.deepEqual(
    cps.map((c) => Math.abs(c - 400) <= 3),
    [true],
    `changepoints ${cps}`,
  );
});

test("rejects NaN observations and a lag beyond the truncation", () => {
  assert.throws(() => bocpd([1, Number.NaN], betaBernoulliModel()), /finite/);
  assert.throws(() => bocpd([1], betaBernoulliModel(), { lag: 400, maxRunLength: 300 }), /lag/);
});
