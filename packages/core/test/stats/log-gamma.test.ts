import assert from "node:assert/strict";
import { test } from "node:test";
import { logGamma } from "../../src/stats/index.ts";

test("logGamma matches known values", () => {
  assert.ok(Math.abs(logGamma(5) - Math.log(24)) < 1e-12);
  assert.ok(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-12);
  assert.ok(Math.abs(logGamma(101) - 363.73937555556347) < 1e-9);
});
