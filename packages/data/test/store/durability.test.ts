import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DuckDbStore } from "../../src/store/index.ts";

const ROWS_PER_BATCH = 5000;

test("kill -9 after acknowledged appends loses none of them", async () => {
  const workspace = await mkdtemp(join(tmpdir(), "vigil-store-kill-"));
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(import.meta.dirname, "append-until-killed.ts"),
      workspace,
      String(ROWS_PER_BATCH),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let acked = -1;
  let buffered = "";
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on("exit", (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.on("exit", () => reject(new Error(`the child exited before being killed (last ack ${acked})`)));
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) acked = Number(/^ack (\d+)$/.exec(line)![1]);
      // Mid-stream: the child is busy appending the next batch when the signal lands.
      if (acked >= 30) {
        child.kill("SIGKILL");
        resolve();
      }
    });
  });
  assert.equal(await exited, "SIGKILL");
  const store = new DuckDbStore(workspace);
  try {
    const series = await store.querySeries({ asset: { site: "site-1", machine: "magnet-1" } });
    const stored = series.timestamps.length;
    assert.ok(
      stored >= (acked + 1) * ROWS_PER_BATCH,
      `${stored} rows stored, ${acked + 1} batches acknowledged`,
    );
    assert.equal(stored % ROWS_PER_BATCH, 0, "a batch is stored whole or not at all");
    // Every acknowledged row is there, with its value.
    for (let i = 0; i < stored; i++) {
      if (series.timestamps[i] !== BigInt(i) || series.values[0]![i] !== i) assert.fail(`row ${i} differs`);
    }
  } finally {
    await store.close();
    await rm(workspace, { recursive: true, force: true });
  }
});
