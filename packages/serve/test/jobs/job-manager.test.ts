import assert from "node:assert/strict";
import { test } from "node:test";
import type { Job } from "../../src/api/index.ts";
import { JobManager } from "../../src/jobs/index.ts";

test("jobs run one at a time, report progress and failure, and refuse to queue without bound", async () => {
  const seen: Job[] = [];
  const jobs = new JobManager((job) => seen.push(job), 200, 2);
  let running = 0;
  let maxRunning = 0;
  const work =
    (result: string, fail = false) =>
    async ({ progress }: { progress: (f: number, m?: string) => void }) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      progress(0.5, "half");
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      if (fail) throw new Error("no data");
      return { model: result };
    };
  const a = jobs.start("train", work("m1"));
  const b = jobs.start("train", work("m2", true));
  assert.equal(a.state, "queued");
  await new Promise((resolve) => setImmediate(resolve));
  // a is running now, b waits; two more may wait.
  jobs.start("train", work("m3"));
  assert.throws(
    () => {
      jobs.start("train", work("m4"));
      jobs.start("train", work("m5"));
    },
    (e: Error & { code?: string }) => e.code === "SERVE_BUSY",
  );
  await jobs.idle();
  assert.equal(maxRunning, 1);
  assert.deepEqual(jobs.get(a.id), {
    id: a.id,
    kind: "train",
    state: "done",
    progress: 1,
    message: "half",
    model: "m1",
  });
  assert.equal(jobs.get(b.id)!.state, "failed");
  assert.equal(jobs.get(b.id)!.message, "no data");
  assert.ok(seen.some((j) => j.id === a.id && j.state === "running" && j.progress === 0.5));
});
