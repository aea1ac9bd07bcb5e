import assert from "node:assert/strict";
import { test } from "node:test";
import { VigilArgumentError } from "../../src/errors/index.ts";
import { phmScoreTerm, rulScores } from "../../src/metrics/index.ts";

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test("RMSE and PHM08 score computed by hand", () => {
  // d = predicted − true: −13 (early), 0, +10 (late), +20 (late).
  const r = rulScores([87, 50, 30, 40], [100, 50, 20, 20]);
  // RMSE = √((169 + 0 + 100 + 400) / 4) = √167.25
  close(r.rmse, Math.sqrt(167.25));
  // s = (e¹ − 1) + 0 + (e¹ − 1) + (e² − 1)
  close(r.phmScore, 2 * (Math.E - 1) + (Math.exp(2) - 1));
  close(r.meanError, (-13 + 0 + 10 + 20) / 4);
  assert.equal(r.count, 4);
});

test("late errors cost more than early errors of the same size", () => {
  assert.ok(phmScoreTerm(10) > phmScoreTerm(-10));
  close(phmScoreTerm(-26), Math.exp(2) - 1);
  assert.equal(phmScoreTerm(0), 0);
});

test("mismatched lengths, empty input and NaN are rejected", () => {
  assert.throws(() => rulScores([1, 2], [1]), VigilArgumentError);
  assert.throws(() => rulScores([], []), VigilArgumentError);
  assert.throws(() => rulScores([Number.NaN], [1]), /index 0/);
});
