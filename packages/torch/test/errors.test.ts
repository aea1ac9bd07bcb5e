import assert from "node:assert/strict";
import { test } from "node:test";
import * as T from "@vigil/torch";
import { binding } from "@vigil/torch-native";

const code = (c: string) => (e: Error & { code?: string }) => e.code === c;

test("libtorch errors become TorchError with libtorch's message", () => {
  T.tidy(() => {
    assert.throws(
      () => T.ones([2, 3]).matmul(T.ones([2, 3])),
      (e: Error & { code?: string }) =>
        e instanceof T.TorchError &&
        e.code === "VIGIL_TORCH_ERROR" &&
        /cannot be multiplied|size mismatch|shapes/.test(e.message),
    );
    assert.throws(() => T.ones([2]).reshape(3), /shape '\[3\]' is invalid for input of size 2/);
    assert.throws(() => T.ones([2]).indexSelect(0, T.ones([1])), code("VIGIL_TORCH_ERROR"));
    assert.throws(() => T.cat([T.ones([2]), T.ones([2, 2])]), code("VIGIL_TORCH_ERROR"));
  });
});

test("wrong JavaScript arguments become TypeErrors, never crashes", () => {
  const ops = binding.ops as unknown as Record<string, (...a: unknown[]) => unknown>;
  const t = binding.ops.ones([2], "float32");
  const junk: unknown[] = [
    undefined,
    null,
    1.5,
    -1,
    Number.NaN,
    "x",
    {},
    [],
    [1, "a"],
    [t, 3],
    Symbol("s"),
    () => 0,
    2n ** 70n,
  ];
  let typeErrors = 0;
  for (const [name, fn] of Object.entries(ops)) {
    for (const a of junk) {
      for (const args of [[a], [t, a], [a, t, a]]) {
        try {
          fn(...args);
        } catch (e) {
          assert.ok(e instanceof Error, `${name} threw a non-error`);
          if (e instanceof TypeError) typeErrors++;
        }
      }
    }
  }
  assert.ok(typeErrors > 500, `argument validation produced ${typeErrors} TypeErrors`);
  assert.throws(() => binding.ops.zeros([-1]), Error);
  assert.throws(() => binding.ops.zeros([1e15, 1e15]), Error);
  assert.throws(() => binding.fromArray(new Float32Array(3), [2, 2]), /holds 4 elements but the array has 3/);
  assert.throws(() => binding.shape({} as never), TypeError);
  assert.throws(() => binding.dtype(3 as never), TypeError);
  assert.throws(() => T.ones([2]).to("float16" as T.Dtype), /unknown dtype "float16"/);
  assert.throws(() => T.tensor([[1, 2], [3]]), /ragged/);
});

test("reading data inside a trace is refused with a clear message", () => {
  const x = T.ones([2]);
  assert.throws(() => T.Program.trace((a) => T.scalar(a.sum().item()), [x]), /cannot be traced/);
  // tracing state is cleaned up: a new trace works
  const p = T.Program.trace((a) => a.mul(2), [x]);
  assert.equal(p.run([x])[0]!.sum().item(), 4);
  p.dispose();
});
