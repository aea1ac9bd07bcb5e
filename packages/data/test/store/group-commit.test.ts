import assert from "node:assert/strict";
import { test } from "node:test";
import { GroupCommit } from "../../src/store/group-commit.ts";

/** A fake database that logs statements, with a commit that takes a few milliseconds as a WAL sync does. */
function fakeDatabase() {
  const log: string[] = [];
  let rollbacks = 0;
  const commits = new GroupCommit(
    async (sql) => {
      log.push(sql);
      if (sql === "COMMIT") await new Promise((resolve) => setTimeout(resolve, 5));
    },
    () => rollbacks++,
  );
  return { log, commits, rollbacks: () => rollbacks };
}

test("writes arriving during a commit share the next transaction", async () => {
  const { log, commits } = fakeDatabase();
  const work = (name: string) => async () => void log.push(name);
  await Promise.all([commits.submit(work("a")), commits.submit(work("b")), commits.submit(work("c"))]);
  assert.deepEqual(log, ["BEGIN TRANSACTION", "a", "COMMIT", "BEGIN TRANSACTION", "b", "c", "COMMIT"]);
});

test("a write resolves only after its transaction committed", async () => {
  const { log, commits } = fakeDatabase();
  await commits.submit(async () => void log.push("w"));
  assert.equal(log.at(-1), "COMMIT");
});

test("a failing write is retried alone; the rest of its batch commits", async () => {
  const { log, commits, rollbacks } = fakeDatabase();
  const ok = (name: string) => async () => void log.push(name);
  const first = commits.submit(ok("first"));
  const good = commits.submit(ok("good"));
  const bad = commits.submit(async () => {
    throw new Error("constraint violated");
  });
  const late = commits.submit(ok("late"));
  await assert.rejects(bad, /constraint violated/);
  await Promise.all([first, good, late]);
  assert.deepEqual(log, [
    ...["BEGIN TRANSACTION", "first", "COMMIT"],
    ...["BEGIN TRANSACTION", "good", "ROLLBACK"],
    ...["BEGIN TRANSACTION", "good", "COMMIT"],
    ...["BEGIN TRANSACTION", "ROLLBACK"],
    ...["BEGIN TRANSACTION", "late", "COMMIT"],
  ]);
  assert.equal(rollbacks(), 2);
  await commits.settled();
});

test("beforeCommit runs once per transaction, after its writes; if it throws the batch rolls back", async () => {
  const log: string[] = [];
  let failNext = false;
  const commits = new GroupCommit(
    async (sql) => {
      log.push(sql);
      if (sql === "COMMIT") await new Promise((resolve) => setTimeout(resolve, 5));
    },
    () => log.push("forget"),
    () => {
      log.push("flush");
      if (failNext) {
        failNext = false;
        throw new Error("flush failed");
      }
    },
  );
  const work = (name: string) => async () => void log.push(name);
  await Promise.all([commits.submit(work("a")), commits.submit(work("b")), commits.submit(work("c"))]);
  assert.deepEqual(log, [
    "BEGIN TRANSACTION",
    "a",
    "flush",
    "COMMIT",
    "BEGIN TRANSACTION",
    "b",
    "c",
    "flush",
    "COMMIT",
  ]);
  log.length = 0;
  failNext = true;
  const outcome = await commits.submit(work("d")).then(
    () => "committed",
    (e: Error) => e.message,
  );
  assert.equal(outcome, "flush failed", "a lone write whose flush fails is rejected");
  assert.deepEqual(log, ["BEGIN TRANSACTION", "d", "flush", "forget", "ROLLBACK"]);
});
