import assert from "node:assert/strict";
import { test } from "node:test";
import * as T from "@vigil/torch";

test("async training keeps the event loop responsive (timer lag < 20 ms over 2 s)", async () => {
  // One intra-op thread leaves a core to the event loop, as a service configures it on 2 cores.
  const threads = T.getNumThreads();
  T.setNumThreads(1);
  const model = new T.Sequential(
    new T.Linear(64, 256),
    new T.ReLU(),
    new T.Linear(256, 256),
    new T.ReLU(),
    new T.Linear(256, 64),
  );
  const opt = new T.Adam(model.parameters(), { lr: 1e-3 });
  const x = T.keep(T.randn([512, 64]));
  const program = T.Program.trace(
    (xx) => {
      opt.zeroGrad();
      const loss = T.F.mseLoss(model.forward(xx), xx);
      loss.backward();
      opt.step();
      return loss;
    },
    [x],
  );

  let maxLag = 0;
  let ticks = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 5);
    last = now;
    ticks++;
  }, 5);
  const start = performance.now();
  let steps = 0;
  let loss = Number.POSITIVE_INFINITY;
  while (performance.now() - start < 2000) {
    const [l] = await program.runAsync([x]);
    loss = l!.item();
    l!.dispose();
    steps++;
  }
  clearInterval(timer);
  assert.ok(steps > 5, `only ${steps} steps`);
  assert.ok(ticks > 200, `the timer fired ${ticks} times in 2 s`);
  assert.ok(maxLag < 20, `max timer lag ${maxLag.toFixed(1)} ms`);
  assert.ok(Number.isFinite(loss));
  program.dispose();
  model.dispose();
  opt.dispose();
  T.setNumThreads(threads);
});
