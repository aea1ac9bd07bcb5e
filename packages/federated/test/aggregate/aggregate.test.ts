import assert from "node:assert/strict";
import { test } from "node:test";
import {
  aggregateUpdates,
  coordinateMedian,
  fedAvg,
  normBoundedFedAvg,
  screenUpdates,
  trimmedMean,
} from "@vigil/federated/aggregate";
import { l2Norm, type ModelUpdate } from "@vigil/federated/update";
import { constantTensors, constantUpdate, SHAPES } from "../helpers/tensors.ts";

const values = (tensors: readonly { data: ArrayLike<number> }[]): number[] =>
  tensors.flatMap((t) => [...Array.from(t.data)]);

test("FedAvg weights each delta by its client's sample count", () => {
  // Unweighted, the mean would be 2; a site with three times the data pulls three times as hard.
  const out = fedAvg([constantUpdate("small", 0, 100), constantUpdate("large", 4, 300)]);
  for (const v of values(out)) assert.ok(Math.abs(v - 3) < 1e-12, `${v}`);
  assert.deepEqual(
    out.map((t) => [t.name, t.shape]),
    [...SHAPES].map(([n, s]) => [n, s]),
  );
  // Elementwise: different values per coordinate.
  const a: ModelUpdate = {
    ...constantUpdate("a", 0, 1),
    tensors: [{ name: "x", shape: [2], data: Float64Array.of(1, 10) }],
  };
  const b: ModelUpdate = {
    ...constantUpdate("b", 0, 4),
    tensors: [{ name: "x", shape: [2], data: Float64Array.of(6, 0) }],
  };
  const [x, y] = fedAvg([a, b])[0]!.data;
  assert.ok(Math.abs(x! - (1 + 4 * 6) / 5) < 1e-12 && Math.abs(y! - 10 / 5) < 1e-12);
});

test("the coordinate-wise median resists a sign-flipped, ten-times scaled client; FedAvg does not", () => {
  const honest = [
    constantUpdate("a", 1.0),
    constantUpdate("b", 1.2),
    constantUpdate("c", 0.8),
    constantUpdate("d", 1.1),
  ];
  const attacker = constantUpdate("evil", -10 * 1.0);
  const median = values(coordinateMedian([...honest, attacker]));
  for (const v of median) assert.equal(v, 1.0);
  const mean = values(fedAvg([...honest, attacker]));
  for (const v of mean) assert.ok(v < -1, `FedAvg moved to ${v}`);
  // Even length: the mean of the two middle values.
  assert.deepEqual(values(coordinateMedian(honest)).slice(0, 1), [(1.0 + 1.1) / 2]);
});

test("the trimmed mean drops ⌊β·m⌋ values at each end of every coordinate", () => {
  const updates = [0, 1, 2, 3, 100].map((v, i) => constantUpdate(`c${i}`, v));
  // β = 0.2 of 5 drops one at each end: mean of 1, 2, 3.
  for (const v of values(trimmedMean(updates, 0.2))) assert.equal(v, 2);
  // β = 0.1 drops nothing: the plain (unweighted) mean.
  for (const v of values(trimmedMean(updates, 0.1))) assert.ok(Math.abs(v - 106 / 5) < 1e-12);
  // Per coordinate, not per client: the extremes may come from different clients.
  const mixed = [
    [5, 0],
    [0, 5],
    [1, 1],
  ].map(
    (d, i): ModelUpdate => ({
      ...constantUpdate(`m${i}`, 0),
      tensors: [{ name: "x", shape: [2], data: Float64Array.from(d) }],
    }),
  );
  assert.deepEqual([...trimmedMean(mixed, 0.34)[0]!.data], [1, 1]);
  assert.throws(() => trimmedMean(updates, 0.5), /trimFraction/);
});

test("norm-bounded FedAvg clips each delta to the median norm by default", () => {
  const updates = [constantUpdate("a", 1, 10), constantUpdate("b", 2, 10), constantUpdate("evil", -50, 10)];
  const r = normBoundedFedAvg(updates);
  const norm2 = l2Norm(constantTensors(2));
  assert.ok(Math.abs(r.bound - norm2) < 1e-12);
  assert.deepEqual(r.clipped, ["evil"]);
  // The attacker's delta is now −2 per coordinate: (1 + 2 − 2) / 3.
  for (const v of values(r.tensors)) assert.ok(Math.abs(v - 1 / 3) < 1e-12, `${v}`);
  const fixed = normBoundedFedAvg(updates, l2Norm(constantTensors(1)));
  assert.deepEqual(fixed.clipped, ["b", "evil"]);
  for (const v of values(fixed.tensors)) assert.ok(Math.abs(v - (1 + 1 - 1) / 3) < 1e-12);
});

test("screening rejects non-finite, mis-shaped, unweighted and repeated updates with a reason", () => {
  const nan = constantUpdate("nan", 1);
  nan.tensors[1]!.data[2] = Number.NaN;
  const inf = constantUpdate("inf", 1);
  inf.tensors[0]!.data[0] = Number.POSITIVE_INFINITY;
  const shaped: ModelUpdate = {
    ...constantUpdate("shape", 1),
    tensors: [{ name: "w", shape: [4], data: new Float64Array(4) }, constantTensors(0)[1]!],
  };
  const missing: ModelUpdate = { ...constantUpdate("missing", 1), tensors: [constantTensors(0)[0]!] };
  const extra: ModelUpdate = {
    ...constantUpdate("extra", 1),
    tensors: [...constantTensors(0), { name: "z", shape: [1], data: new Float64Array(1) }],
  };
  const zero = constantUpdate("zero", 1, 0);
  const good = constantUpdate("good", 1);
  // Tensors in another order are accepted and put in the model's order.
  const reordered: ModelUpdate = {
    ...constantUpdate("reordered", 1),
    tensors: [...constantTensors(1)].reverse(),
  };
  const { accepted, rejected } = screenUpdates(
    [nan, inf, shaped, missing, extra, zero, good, good, reordered],
    SHAPES,
  );
  assert.deepEqual(
    accepted.map((u) => [u.client, u.tensors.map((t) => t.name)]),
    [
      ["good", ["w", "b"]],
      ["reordered", ["w", "b"]],
    ],
  );
  const reasons = Object.fromEntries(rejected.map((r) => [r.client, r.reason]));
  assert.match(reasons.nan!, /tensor "b" element 2 is NaN \(not finite\)/);
  assert.match(reasons.inf!, /tensor "w" element 0 is Infinity/);
  assert.match(reasons.shape!, /tensor "w" has shape \[4\] but the model's is \[2, 2\]/);
  assert.match(reasons.missing!, /missing tensor\(s\) "b"/);
  assert.match(reasons.extra!, /tensor "z" is not part of the model/);
  assert.match(reasons.zero!, /sample count 0/);
  assert.match(reasons.good!, /second update/);
});

test("aggregateUpdates dispatches by rule and rejects unknown options", () => {
  const updates = [constantUpdate("a", 0, 1), constantUpdate("b", 3, 2), constantUpdate("c", 30, 1)];
  assert.equal(values(aggregateUpdates(updates).tensors)[0], (0 + 6 + 30) / 4);
  assert.equal(values(aggregateUpdates(updates, { rule: "median" }).tensors)[0], 3);
  assert.equal(values(aggregateUpdates(updates, { rule: "trimmed-mean", trimFraction: 0.34 }).tensors)[0], 3);
  assert.deepEqual(aggregateUpdates(updates, { rule: "norm-bounded" }).clipped, ["c"]);
  assert.throws(() => aggregateUpdates(updates, { rule: "mean" as never }), /rule/);
  assert.throws(
    () => aggregateUpdates(updates, { trimFraktion: 0.1 } as never),
    /Unknown option "trimFraktion"/,
  );
});
