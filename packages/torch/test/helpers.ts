import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as T from "@vigil/torch";

export function assertClose(
  actual: ArrayLike<number | bigint>,
  expected: ArrayLike<number>,
  tol = 1e-6,
  what = "",
): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const a = Number(actual[i]);
    const e = expected[i]!;
    assert.ok(Math.abs(a - e) <= tol * (1 + Math.abs(e)), `${what}[${i}]: ${a} vs ${e}`);
  }
}

export interface FixtureArray {
  shape: number[];
  data: number[];
}

export const reference = JSON.parse(
  readFileSync(new URL("./fixtures/pytorch-reference.json", import.meta.url), "utf8"),
) as Record<string, Record<string, unknown>>;

export function fromFixture(a: unknown, dtype: T.Dtype = "float64"): T.Tensor {
  const f = a as FixtureArray;
  return T.tensor(Float64Array.from(f.data), { shape: f.shape, dtype });
}

export function data(a: unknown): number[] {
  return (a as FixtureArray).data;
}
