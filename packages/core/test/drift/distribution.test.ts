import assert from "node:assert/strict";
import { test } from "node:test";
import {
  kolmogorovSurvival,
  ksDrift,
  ksTwoSample,
  mmdTest,
  psi,
  psiByChannel,
} from "../../src/drift/index.ts";
import { createRng } from "../../src/random/index.ts";

const close = (a: number, b: number, tol: number) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);
const normals = (n: number, seed: number, shift = 0) => {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => rng.normal() + shift);
};

test("Kolmogorov survival function matches tabulated values", () => {
  // Q(λ) from the Kolmogorov distribution: Q(1.36) ≈ 0.0494, Q(1.0) ≈ 0.2700, Q(0.5) ≈ 0.9639.
  close(kolmogorovSurvival(1.36), 0.04946, 2e-4);
  close(kolmogorovSurvival(1.0), 0.27, 1e-3);
  close(kolmogorovSurvival(0.5), 0.9639, 1e-3);
  // Both series agree where they meet.
  close(kolmogorovSurvival(1.1799999), kolmogorovSurvival(1.18), 1e-6);
});

test("two-sample KS statistic by hand, ties stepped together", () => {
  const r = ksTwoSample(Float64Array.from([1, 2, 3, 4]), Float64Array.from([3, 4, 5, 6]));
  assert.equal(r.statistic, 0.5);
  assert.equal(ksTwoSample(Float64Array.from([1, 1, 2]), Float64Array.from([1, 1, 2])).statistic, 0);
});

test("per-dimension KS with Bonferroni finds only the shifted dimension", () => {
  const reference = [normals(500, 1), normals(500, 2), normals(500, 3)];
  const current = [normals(500, 4), normals(500, 5, 0.5), normals(500, 6)];
  const r = ksDrift(reference, current);
  assert.deepEqual(r.driftedDimensions, [1]);
  close(r.perDimensionAlpha, 0.05 / 3, 1e-15);
});

test("KS drift with Bonferroni keeps the family-wise false-alarm rate at alpha", () => {
  let alarms = 0;
  for (let k = 0; k < 200; k++) {
    const seed = 1000 + 6 * k;
    const r = ksDrift(
      [normals(300, seed), normals(300, seed + 1), normals(300, seed + 2)],
      [normals(300, seed + 3), normals(300, seed + 4), normals(300, seed + 5)],
    );
    if (r.drift) alarms++;
  }
  // Expected at most 10 of 200 (Bonferroni is conservative); 20 would be a 4σ excess.
  assert.ok(alarms <= 20, `family-wise alarms ${alarms} / 200`);
});

test("MMD² by hand with a fixed bandwidth, and the median heuristic", () => {
  // x = {0, 1}, y = {0, 1}, σ = 1: MMD²_u = k(1) + k(1) − (2 + 2k(1)) / 2 = e^−½ − 1.
  const r = mmdTest([Float64Array.from([0, 1])], [Float64Array.from([0, 1])], {
    bandwidth: 1,
    permutations: 10,
  });
  close(r.mmd2, Math.exp(-0.5) - 1, 1e-12);
  // Pooled distances {1, 0, 1, 1, 0, 1}: median 1.
  assert.equal(
    mmdTest([Float64Array.from([0, 1])], [Float64Array.from([0, 1])], { permutations: 10 }).bandwidth,
    1,
  );
});

test("MMD permutation test detects a mean shift", () => {
  const ref = [normals(150, 11), normals(150, 12)];
  const shifted = mmdTest(ref, [normals(150, 13, 0.6), normals(150, 14)], { permutations: 100 });
  assert.ok(shifted.drift && shifted.pValue < 0.02, `p ${shifted.pValue}`);
});

test("MMD permutation p-values are calibrated without drift", () => {
  let rejections = 0;
  for (let k = 0; k < 40; k++) {
    const r = mmdTest(
      [normals(60, 1000 + k), normals(60, 2000 + k)],
      [normals(60, 3000 + k), normals(60, 4000 + k)],
      {
        permutations: 100,
        seed: k,
      },
    );
    if (r.drift) rejections++;
  }
  // Binomial(40, 0.05): mean 2; more than 7 has probability below 0.1 %.
  assert.ok(rejections <= 7, `rejections ${rejections} / 40`);
});

test("PSI with reference-quantile bins: analytic value for a half-shifted uniform", () => {
  const n = 10000;
  const ref = Float64Array.from({ length: n }, (_, i) => (i + 0.5) / n);
  const cur = ref.map((v) => v + 0.5);
  const r = psi(ref, cur);
  // Bins 1-5 get ε instead of 0.1, bins 6-9 keep 0.1, bin 10 takes 0.6.
  const expected = 5 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1) + 0.5 * Math.log(6);
  close(r.psi, expected, 0.01);
  assert.equal(r.edges.length, 9);
  close(psi(ref, ref).psi, 0, 1e-12);
  const byChannel = psiByChannel([ref, ref], [ref, cur]);
  assert.equal(byChannel[0], 0);
  close(byChannel[1]!, expected, 0.01);
});
