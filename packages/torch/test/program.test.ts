import assert from "node:assert/strict";
import { test } from "node:test";
import * as T from "@vigil/torch";

test("a traced training step replays like the eager one", async () => {
  const make = () => {
    const model = new T.Sequential(
      new T.Linear(4, 8, { generator: new T.Generator(1) }),
      new T.Tanh(),
      new T.Linear(8, 1, { generator: new T.Generator(2) }),
    );
    return { model, opt: new T.Adam(model.parameters(), { lr: 0.01 }) };
  };
  const x = T.keep(T.randn([16, 4], { generator: new T.Generator(3) }));
  const y = T.keep(x.sum(1, true));
  const eager = make();
  const traced = make();
  const step = (m: typeof eager) => (xx: T.Tensor, yy: T.Tensor) => {
    m.opt.zeroGrad();
    const loss = T.F.mseLoss(m.model.forward(xx), yy);
    loss.backward();
    m.opt.step();
    return loss;
  };
  const eagerLosses = [];
  for (let i = 0; i < 5; i++) eagerLosses.push(T.tidy(() => step(eager)(x, y).item()));
  // tracing executes the step once, so the program's first replay is step 2
  const program = T.Program.trace(step(traced), [x, y]);
  const tracedLosses = [eagerLosses[0]!];
  for (let i = 0; i < 2; i++) tracedLosses.push(T.tidy(() => program.run([x, y])[0]!.item()));
  for (let i = 0; i < 2; i++) {
    const [loss] = await program.runAsync([x, y]);
    tracedLosses.push(loss!.item());
    loss!.dispose();
  }
  for (let i = 0; i < 5; i++)
    assert.ok(
      Math.abs(eagerLosses[i]! - tracedLosses[i]!) < 1e-6,
      `step ${i}: ${eagerLosses[i]} vs ${tracedLosses[i]}`,
    );
  assert.ok(program.info.ops.includes("backward") && program.info.ops.includes("addcmul_"));
  assert.throws(() => program.run([T.ones([3, 4]), y]), /differs in shape or dtype/);
  assert.throws(() => program.run([x]), /expects 2 inputs, got 1/);
  program.dispose();
  assert.throws(() => program.run([x, y]), /already disposed/);
});

test("an async replay rejects with a typed error and does not overlap itself", async () => {
  const x = T.ones([2, 2]);
  const p = T.Program.trace((a) => a.matmul(a), [x]);
  const first = p.runAsync([x]);
  await assert.rejects(p.runAsync([x]), /already running/);
  (await first)[0]!.dispose();
  p.dispose();
});
