import assert from "node:assert/strict";
import { test } from "node:test";
import { normalCdf, normalPdf, normalQuantile, twoSidedNormalP } from "../../src/stats/index.ts";

// Reference values from scipy.stats.norm (double precision).
const CDF: [number, number][] = [
  [0, 0.5],
  [1, 0.8413447460685429],
  [-1.959963984540054, 0.025],
  [-3, 0.0013498980316300946],
  [-5, 2.866515718791939e-7],
  [-10, 7.619853024160527e-24],
  [-20, 2.7536241186062337e-89],
];

test("normalCdf matches reference values to 1e-13 relative", () => {
  for (const [x, p] of CDF) {
    const got = normalCdf(x);
    assert.ok(Math.abs(got - p) <= 1e-13 * p, `Φ(${x}) = ${got}, expected ${p}`);
    assert.ok(Math.abs(normalCdf(-x) - (1 - p)) < 1e-15);
  }
  assert.equal(normalCdf(-40), 0);
  assert.equal(normalCdf(40), 1);
  assert.ok(Number.isNaN(normalCdf(Number.NaN)));
});

test("normalQuantile inverts the CDF to near double precision, tails included", () => {
  for (const [x, p] of CDF.filter(([x]) => x !== 0)) {
    const got = normalQuantile(p);
    assert.ok(Math.abs(got - x) < 1e-12 * Math.max(1, Math.abs(x)), `Φ⁻¹(${p}) = ${got}, expected ${x}`);
  }
  assert.equal(normalQuantile(0.5), 0);
  assert.ok(Math.abs(normalQuantile(0.75) - 0.6744897501960817) < 1e-15);
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-14);
  assert.equal(normalQuantile(0), Number.NEGATIVE_INFINITY);
  assert.equal(normalQuantile(1), Number.POSITIVE_INFINITY);
  assert.ok(Number.isNaN(normalQuantile(1.2)));
});

test("normalPdf is the derivative of normalCdf", () => {
  for (const x of [-3, -0.5, 0, 1.2, 4]) {
    const h = 1e-5;
    const slope = (normalCdf(x + h) - normalCdf(x - h)) / (2 * h);
    assert.ok(Math.abs(slope - normalPdf(x)) < 1e-9);
  }
  assert.ok(Math.abs(normalPdf(0) - 0.3989422804014327) < 1e-16);
});

test("the two-sided normal p-value matches tabulated values, tails included", () => {
  assert.ok(Math.abs(twoSidedNormalP(-1) - 0.317310507862914) < 1e-12);
  assert.ok(Math.abs(twoSidedNormalP(8) / 1.244192114854357e-15 - 1) < 1e-6);
  assert.ok(Math.abs(twoSidedNormalP(1.959963984540054) - 0.05) < 1e-7);
  assert.ok(Math.abs(twoSidedNormalP(2.5758293035489) - 0.01) < 1e-8);
});
