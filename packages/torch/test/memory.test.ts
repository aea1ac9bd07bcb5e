import assert from "node:assert/strict";
import { test } from "node:test";
import * as T from "@vigil/torch";

test("tidy releases everything but its result; keep() exempts", () => {
  const before = T.memory().tensors;
  const kept = T.tidy(() => {
    const a = T.ones([100]);
    const b = a.mul(2).add(1);
    T.keep(T.zeros([3]));
    return { b, list: [b.sum()] };
  });
  assert.equal(T.memory().tensors, before + 3, "result b, its sum, and the kept tensor survive");
  assert.equal(
    T.tidy(() => kept.b.sum().item()),
    300,
  );
  T.dispose(kept);
  assert.equal(T.memory().tensors, before + 1);
});

test("nested scopes hand results to the parent; errors still release", () => {
  const before = T.memory().tensors;
  T.tidy(() => {
    const inner = T.tidy(() => T.ones([2]).mul(3));
    assert.equal(inner.sum().item(), 6);
  });
  assert.throws(() =>
    T.tidy(() => {
      T.ones([10]);
      throw new Error("boom");
    }),
  );
  assert.equal(T.memory().tensors, before);
});

test("dispose is idempotent and native bytes are accounted", () => {
  const before = T.memory();
  const t = T.zeros([1000], "float64");
  assert.equal(T.memory().bytes - before.bytes, 8000);
  t.dispose();
  t.dispose();
  assert.equal(T.memory().bytes, before.bytes);
  assert.equal(t.isDisposed, true);
  assert.throws(
    () => t.add(1),
    (e: Error & { code?: string }) => e.code === "VIGIL_TORCH_DISPOSED",
  );
  using scoped = T.ones([4]);
  assert.equal(scoped.numel, 4);
});

test("an async function given to tidy is refused, not leaked", () => {
  const before = T.memory().tensors;
  assert.throws(
    () => T.tidy((async () => T.ones([2])) as unknown as () => T.Tensor),
    (e: Error & { code?: string }) => e.code === "VIGIL_TORCH_ASYNC_SCOPE",
  );
  assert.equal(T.memory().tensors, before);
});

// dispose() frees native memory at once; the small JS wrappers are reclaimed by V8, whose finaliser
// callbacks run on the event loop, so the loop yields every 100 steps as any training loop with
// progress output does.
test("20,000 training steps keep RSS and the live-tensor count flat", async () => {
  const model = new T.Sequential(new T.Linear(16, 32), new T.ReLU(), new T.Linear(32, 16));
  const opt = new T.Adam(model.parameters(), { lr: 1e-3 });
  const x = T.keep(T.randn([32, 16]));
  const step = () =>
    T.tidy(() => {
      opt.zeroGrad();
      const loss = T.F.mseLoss(model.forward(x), x);
      loss.backward();
      opt.step();
    });
  const run = async (n: number) => {
    for (let i = 0; i < n; i++) {
      step();
      if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await run(2000);
  const tensors = T.memory().tensors;
  const rss0 = process.memoryUsage().rss;
  await run(20_000);
  const growthMb = (process.memoryUsage().rss - rss0) / 2 ** 20;
  assert.equal(T.memory().tensors, tensors, "no tensor outlives its step");
  assert.ok(growthMb < 30, `RSS grew by ${growthMb.toFixed(1)} MB over 20,000 steps`);
  model.dispose();
  opt.dispose();
  x.dispose();
});
