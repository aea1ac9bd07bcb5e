import assert from "node:assert/strict";
import { test } from "node:test";
import { RowAligner, RowRing } from "../../src/stream/index.ts";

const S = 1_000_000_000n;

test("a row closes when every channel has arrived, in time order, carrying missing values forward", () => {
  const a = new RowAligner(["x", "y"]);
  a.add("x", 1n * S, 1, 0);
  a.add("y", 1n * S, 10, 0);
  a.add("x", 2n * S, 2, 0);
  let closed = a.drain(5n * S, 1_000, false, 0);
  assert.deepEqual(closed.timestamps, [1n * S], "row 2 still waits for y");
  a.add("y", 3n * S, 30, 0);
  a.add("x", 3n * S, 3, 0);
  closed = a.drain(5n * S, 1_000, false, 0);
  assert.deepEqual(closed.timestamps, [], "complete row 3 waits behind row 2");
  a.add("x", 7n * S, 7, 0);
  closed = a.drain(5n * S, 1_000, false, 0);
  // Row 7 is 5 s newer than row 2: lateness closes rows 2 (y carried from row 1) and then 3.
  assert.deepEqual(closed.timestamps, [2n * S, 3n * S]);
  assert.deepEqual(Array.from(closed.rows[0]!), [2, 10]);
  assert.deepEqual(Array.from(closed.rows[1]!), [3, 30]);
});

test("an incomplete row closes after idleCloseMs of wall clock, late readings are dropped, unknown channels refused", () => {
  const a = new RowAligner(["x", "y"]);
  assert.equal(a.add("z", 1n * S, 1, 0), false);
  a.add("x", 1n * S, 1, 0);
  assert.equal(a.drain(60n * S, 500, false, 499).timestamps.length, 0);
  const closed = a.drain(60n * S, 500, false, 500);
  assert.deepEqual(closed.timestamps, [1n * S]);
  assert.ok(Number.isNaN(closed.rows[0]![1]!), "y was never seen: NaN, the detectors' missing value");
  a.add("y", 1n * S, 5, 600);
  assert.equal(a.late, 1);
  a.add("y", 2n * S, 5, 600);
  assert.deepEqual(
    Array.from(a.drain(60n * S, 500, true, 600).rows[0]!),
    [1, 5],
    "flush closes with x carried",
  );
});

test("aligner and ring state survive JSON", () => {
  const a = new RowAligner(["x", "y"]);
  a.add("x", 1n * S, 1, 0);
  a.add("y", 1n * S, 2, 0);
  a.add("x", 2n * S, 3, 0);
  const ring = new RowRing(3, 2);
  const closed = a.drain(5n * S, 1_000, false, 0);
  ring.push(closed.timestamps[0]!, closed.rows[0]!);
  const b = new RowAligner(["x", "y"], JSON.parse(JSON.stringify(a.toJSON())));
  b.add("y", 2n * S, 4, 0);
  assert.deepEqual(Array.from(b.drain(5n * S, 1_000, false, 0).rows[0]!), [3, 4]);
  for (let t = 2n; t <= 4n; t++) ring.push(t * S, [Number(t), Number.NaN]);
  const copy = RowRing.fromJSON(JSON.parse(JSON.stringify(ring.toJSON())), 3, 2);
  const tail = copy.tail(2, 1);
  assert.deepEqual(Array.from(tail.timestamps), [2n * S, 3n * S]);
  assert.deepEqual(Array.from(tail.columns[0]!), [2, 3]);
  assert.ok(Number.isNaN(tail.columns[1]![0]!));
});
