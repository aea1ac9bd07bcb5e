import assert from "node:assert/strict";
import { test } from "node:test";
import { fitGpd, percentileThreshold, potThreshold } from "../../src/threshold/index.ts";
import { exponentials, uniforms } from "./rng.ts";

test("percentile threshold interpolates like numpy, skipping NaN", () => {
  const scores = Float64Array.from({ length: 100 }, (_, i) => i + 1);
  assert.ok(Math.abs(percentileThreshold(scores, { percentile: 99 }) - 99.01) < 1e-9);
  assert.equal(percentileThreshold(Float64Array.from([Number.NaN, 3, 1, 2]), { percentile: 50 }), 2);
  assert.throws(() => percentileThreshold(scores, { percentile: 101 }), { code: "VIGIL_ERR_ARGUMENT" });
  assert.throws(() => percentileThreshold(scores, { percentil: 99 } as never), /Unknown option "percentil"/);
});

test("GPD fit recovers the shape and scale of Pareto-tailed excesses", () => {
  const u = uniforms(7);
  const gamma = 0.4;
  const sigma = 2;
  const y = Float64Array.from({ length: 5000 }, () => (sigma / gamma) * ((1 - u()) ** -gamma - 1));
  const fit = fitGpd(y);
  assert.ok(Math.abs(fit.gamma - gamma) < 0.06, `gamma ${fit.gamma}`);
  assert.ok(Math.abs(fit.sigma - sigma) < 0.15, `sigma ${fit.sigma}`);
});

test("GPD fit of exponential excesses has shape near 0 and scale near 1", () => {
  const fit = fitGpd(exponentials(5000, 11));
  assert.ok(Math.abs(fit.gamma) < 0.05, `gamma ${fit.gamma}`);
  assert.ok(Math.abs(fit.sigma - 1) < 0.06, `sigma ${fit.sigma}`);
});

test("POT threshold on exponential data is close to the analytic quantile −ln q", () => {
  for (const [risk, seed] of [
    [1e-3, 1],
    [1e-4, 2],
  ] as const) {
    const r = potThreshold(exponentials(100_000, seed), { risk });
    const analytic = -Math.log(risk);
    assert.ok(Math.abs(r.threshold - analytic) < 0.06 * analytic, `q=${risk}: ${r.threshold} vs ${analytic}`);
    assert.ok(Math.abs(r.initialThreshold + Math.log(0.02)) < 0.1);
    assert.equal(r.excesses.length, 2000);
  }
});

test("POT explains why it cannot fit a constant series", () => {
  assert.throws(() => potThreshold(new Float64Array(100).fill(1)), /none exceed it/);
});
