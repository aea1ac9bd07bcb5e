import assert from "node:assert/strict";
import { test } from "node:test";
import { ScaledUpdateClient } from "@vigil/federated/client";
import { Coordinator, formatRoundReport } from "@vigil/federated/coordinator";
import { RdpAccountant } from "@vigil/federated/privacy";
import { encodeMessage } from "@vigil/federated/update";
import { BytesClient, TargetClient } from "../helpers/fake-clients.ts";
import { constantTensors } from "../helpers/tensors.ts";

const everyValue = (model: readonly { data: ArrayLike<number> }[]): number[] =>
  model.flatMap((t) => Array.from(t.data));

test("a round broadcasts the model, collects updates and steps by FedAvg weighted by sample count", async () => {
  const a = new TargetClient("a", 1, 100, { loss: 2 });
  const b = new TargetClient("b", 5, 300, { loss: 4 });
  const coordinator = new Coordinator([a, b], constantTensors(0));
  const report = await coordinator.runRound();
  // (100 · 1 + 300 · 5) / 400 = 4; an unweighted mean would give 3.
  for (const v of everyValue(coordinator.model)) assert.equal(v, 4);
  assert.deepEqual(report.used, ["a", "b"]);
  assert.equal(report.loss, (100 * 2 + 300 * 4) / 400);
  assert.ok(report.bytesDown > 0 && report.bytesDown % 2 === 0);
  assert.ok(report.bytesUp > 0);
  assert.equal(report.epsilon, undefined);
  assert.ok(Math.abs(report.stepNorm - 4 * Math.sqrt(7)) < 1e-5);
  // The next round starts from the new model: the deltas are now −3 and +1, the step 0.
  const second = await coordinator.runRound();
  assert.equal(second.round, 2);
  assert.deepEqual(a.calls, [1, 2]);
  for (const v of everyValue(coordinator.model)) assert.ok(Math.abs(v - 4) < 1e-6);
});

test("a straggler, a crashing site and malformed answers are reported while the round goes on", async () => {
  const good = new TargetClient("good", 2, 10);
  const slow = new TargetClient("slow", 100, 10, { delayMs: 5_000 });
  const crash = new BytesClient("crash", () => {
    throw new Error("disk full");
  });
  const truncated = new BytesClient("truncated", (r) =>
    encodeMessage({
      kind: "update",
      sender: "truncated",
      round: r.round,
      sampleCount: 1,
      loss: 0,
      tensors: [],
    }).subarray(0, 20),
  );
  const nan = new TargetClient("nan", 3, 10, { corrupt: (d) => (d[1] = Number.NaN) });
  const impostor = new BytesClient("impostor", (r) =>
    encodeMessage({ kind: "update", sender: "good", round: r.round, sampleCount: 1, loss: 0, tensors: [] }),
  );
  const oversize = new BytesClient("oversize", () => new Uint8Array(5_000));
  const coordinator = new Coordinator(
    [good, slow, crash, truncated, nan, impostor, oversize],
    constantTensors(0),
    {
      roundTimeoutMs: 200,
      maxUpdateBytes: 4_096,
    },
  );
  const started = performance.now();
  const report = await coordinator.runRound();
  assert.ok(performance.now() - started < 2_000, "the round did not wait for the straggler");
  assert.deepEqual(report.used, ["good"]);
  assert.deepEqual(report.timedOut, ["slow"]);
  assert.deepEqual(report.failed, [{ client: "crash", reason: "disk full" }]);
  const reasons = Object.fromEntries(report.rejected.map((r) => [r.client, r.reason]));
  assert.match(
    reasons.truncated!,
    /update from truncated: truncated message: loss needs 8 bytes but only 0 remain \(byte offset 20\)/,
  );
  assert.match(reasons.nan!, /tensor "w" element 1 is NaN/);
  assert.match(reasons.impostor!, /missing tensor|signed as "good"/);
  assert.match(reasons.oversize!, /sent 5000 bytes, more than maxUpdateBytes \(4096\)/);
  for (const v of everyValue(coordinator.model)) assert.equal(v, 2);
  const line = formatRoundReport(report);
  assert.match(line, /round 1 · 1\/7 used · rejected truncated,nan,impostor|rejected .*truncated/);
  assert.match(line, /timed out slow/);
  assert.match(line, /failed crash/);
});

test("a round in which no update is usable leaves the model unchanged", async () => {
  const coordinator = new Coordinator(
    [new TargetClient("slow", 9, 1, { delayMs: 2_000 })],
    constantTensors(1),
    {
      roundTimeoutMs: 50,
    },
  );
  const report = await coordinator.runRound();
  assert.deepEqual(report.used, []);
  assert.equal(report.stepNorm, 0);
  assert.ok(Number.isNaN(report.loss));
  for (const v of everyValue(coordinator.model)) assert.equal(v, 1);
});

test("under the median a sign-flipped, ten-times scaled site cannot pull the model away", async () => {
  const clients = () => [
    new TargetClient("a", 1, 10),
    new TargetClient("b", 1.2, 10),
    new TargetClient("c", 0.9, 10),
    new ScaledUpdateClient(new TargetClient("evil", 1, 10), -10),
  ];
  const median = new Coordinator(clients(), constantTensors(0), { aggregation: { rule: "median" } });
  await median.run(1);
  for (const v of everyValue(median.model)) assert.ok(v > 0.9 && v < 1.2, `median ${v}`);
  const fedavg = new Coordinator(clients(), constantTensors(0));
  await fedavg.run(1);
  for (const v of everyValue(fedavg.model)) assert.ok(v < -1, `fedavg ${v}`);
  const trimmed = new Coordinator(clients(), constantTensors(0), {
    aggregation: { rule: "trimmed-mean", trimFraction: 0.25 },
  });
  await trimmed.run(1);
  for (const v of everyValue(trimmed.model)) assert.ok(Math.abs(v - 0.95) < 1e-6, `trimmed ${v}`);
});

test("with privacy every round is accounted and ε grows as the accountant says", async () => {
  const clients = [new TargetClient("a", 1, 10), new TargetClient("b", 2, 10), new TargetClient("c", 3, 10)];
  const privacy = { clipNorm: 0.5, noiseMultiplier: 1.5, delta: 1e-5 };
  const coordinator = new Coordinator(clients, constantTensors(0), { privacy, seed: 4 });
  const reports = await coordinator.run(3);
  const expected = new RdpAccountant();
  reports.forEach((r) => {
    expected.addGaussianRounds(1.5);
    assert.equal(r.epsilon, expected.spent(1e-5).epsilon);
  });
  // Round 1's deltas (norms 1, 2 and 3 times √7) are all longer than C = 0.5.
  assert.deepEqual(reports[0]!.clipped, ["a", "b", "c"]);
  assert.ok(reports[2]!.epsilon! > reports[0]!.epsilon!);
  assert.equal(coordinator.privacySpent()?.epsilon, reports[2]!.epsilon);
  assert.throws(
    () => new Coordinator(clients, constantTensors(0), { privacy, aggregation: { rule: "median" } }),
    /cannot be combined with rule "median"/,
  );
});

test("clients are drawn per round, reproducibly from the seed; options are checked", async () => {
  const make = () => Array.from({ length: 6 }, (_, i) => new TargetClient(`c${i}`, i, 1));
  const draw = async (seed: number) => {
    const coordinator = new Coordinator(make(), constantTensors(0), { clientsPerRound: 2, seed });
    return (await coordinator.run(3)).map((r) => r.selected);
  };
  const first = await draw(1);
  assert.deepEqual(await draw(1), first);
  for (const selected of first) assert.equal(new Set(selected).size, 2);
  assert.notDeepEqual(first[0], first[1]);
  assert.throws(
    () => new Coordinator(make(), constantTensors(0), { roundTimeout: 5 } as never),
    /Unknown option "roundTimeout"/,
  );
  assert.throws(() => new Coordinator([], constantTensors(0)), /at least one client/);
  assert.throws(
    () => new Coordinator(make(), [{ name: "w", shape: [2, 2], data: new Float32Array(3) }]),
    /Expected 4 values for initial tensor "w"/,
  );
  const twice = new TargetClient("x", 0, 1);
  assert.throws(() => new Coordinator([twice, twice], constantTensors(0)), /distinct ids/);
});
