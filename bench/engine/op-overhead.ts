// Per-op crossing cost: a tiny elementwise op (1×8 tensors), so the time is dominated by the
// binding, not by arithmetic. Compared with PyTorch's Python binding (same libtorch) in the same run.
// Usage: node --import tsx bench/engine/op-overhead.ts
import { spawnSync } from "node:child_process";
import * as T from "@vigil/torch";

const N = 200_000;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

const a = T.keep(T.randn([1, 8]));
const b = T.keep(T.randn([1, 8]));
const trials: number[] = [];
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  T.tidy(() => {
    for (let i = 0; i < N; i++) a.add(b).dispose();
  });
  trials.push(((performance.now() - t0) * 1e3) / N);
  await new Promise((resolve) => setImmediate(resolve));
}
const vigilUs = median(trials);

const python = `
import time, torch, statistics
torch.set_num_threads(1)
a = torch.randn(1, 8); b = torch.randn(1, 8)
ts = []
for _ in range(5):
    t = time.perf_counter()
    for _ in range(${N}): a + b
    ts.append((time.perf_counter() - t) * 1e6 / ${N})
print(statistics.median(ts))
`;
const py = spawnSync("/usr/bin/python3", ["-c", python], { encoding: "utf8" });
const pytorchUs = py.status === 0 ? Number(py.stdout.trim()) : Number.NaN;
console.log(`per-op latency, 1×8 add (median of 5 × ${N}):`);
console.log(`  vigil   ${vigilUs.toFixed(2)} µs`);
console.log(
  `  pytorch ${Number.isNaN(pytorchUs) ? "unavailable (python3-torch missing)" : `${pytorchUs.toFixed(2)} µs`}`,
);
if (!Number.isNaN(pytorchUs)) console.log(`  ratio vigil/pytorch ${(vigilUs / pytorchUs).toFixed(2)}`);
