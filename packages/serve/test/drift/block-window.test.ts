import assert from "node:assert/strict";
import { test } from "node:test";
import { BlockWindow } from "../../src/drift/block-window.ts";

test("the window's sum is its blocks' sum, exactly, also after a huge block left and after a restore", () => {
  const w = new BlockWindow(1, 2);
  // 1e16 enters and leaves: a running sum (add, then subtract what leaves) would keep the rounding it caused.
  for (const v of [0.1, 1e16, 0.3, 0.7, 0.2]) w.add(Float64Array.of(v));
  assert.deepEqual(Array.from(w.sum), [0.7 + 0.2]);
  const restored = BlockWindow.fromJSON(JSON.parse(JSON.stringify(w.toJSON())));
  assert.deepEqual(Array.from(restored.sum), Array.from(w.sum));
  for (const v of [0.9, 0.05]) {
    w.add(Float64Array.of(v));
    restored.add(Float64Array.of(v));
  }
  assert.deepEqual(Array.from(restored.sum), Array.from(w.sum));
});
