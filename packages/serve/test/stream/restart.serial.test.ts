import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { sliceByIndex } from "@vigil/core/series";
import type { StoredEvent } from "@vigil/data/store";
import { DuckDbStore } from "@vigil/data/store";
import { createStreamScorer, type EventPhase, readSnapshot } from "../../src/stream/index.ts";
import { ASSET, syntheticSeries, trainedPca, workspace } from "../models/synthetic-asset.ts";
import { LIVE } from "./crash-plan.ts";
import { readingsOf } from "./stream-helpers.ts";

const CHILD = fileURLToPath(new URL("./crash-child.ts", import.meta.url));

test("after kill -9 and restart, scoring resumes without re-alarming and the open event continues", async () => {
  const ws = await workspace();
  try {
    await trainedPca(ws);
    // DuckDB lets one process open the file: hand it to the child.
    await ws.store.close();

    const child = spawn(process.execPath, ["--import", "tsx", CHILD, ws.home], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, VIGIL_THREADS: "1" },
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    let lastPushed = -1;
    let openedAt: number | undefined;
    const opened: string[] = [];
    for await (const line of createInterface({ input: child.stdout! })) {
      const [what, a, b] = line.split(" ");
      if (what === "pushed") lastPushed = Number(a);
      if (what === "event" && a === "opened") {
        opened.push(b!);
        openedAt = lastPushed;
      }
      // Kill well inside the anomaly, some rows after the event opened (after a few snapshots).
      if (openedAt !== undefined && lastPushed >= openedAt + 100) {
        child.kill("SIGKILL");
        break;
      }
    }
    assert.equal(await exited, "SIGKILL");
    assert.equal(opened.length, 1, "the child opened one event before it was killed");
    const anomalyEnd = LIVE.anomaly!.to - LIVE.first!;
    assert.ok(lastPushed < anomalyEnd, "killed while the anomaly lasted");
    const snapshot = await readSnapshot(ws.home);
    assert.ok(snapshot !== undefined && snapshot.assets.length === 1);

    // Restart on the same workspace and go on from the row after the last one the child pushed.
    const store = await new DuckDbStore(ws.home, { threads: 1 }).ready();
    try {
      const scorer = await createStreamScorer({
        store,
        registry: ws.registry,
        home: ws.home,
        windowStride: 5,
        retrain: false,
      });
      assert.equal(scorer.status(ASSET).health, "alarm", "the restored tracker still holds the open event");
      const events: { event: StoredEvent; phase: EventPhase }[] = [];
      scorer.subscribe({ event: (event, _x, phase) => events.push({ event, phase }) });
      const live = syntheticSeries(LIVE);
      // The service goes on with readings that arrive after the restart (storing each first); the
      // rows the child stored after its last snapshot are replayed from the Store by the scorer.
      await store.appendSeries(sliceByIndex(live, lastPushed + 1));
      const rest = readingsOf(live).slice((lastPushed + 1) * live.channels.length);
      for (let i = 0; i < rest.length; i += 40) await scorer.push(rest.slice(i, i + 40));
      await scorer.close();

      const stored = (await store.queryEvents({ asset: ASSET })).filter((e) => e.type === "anomaly");
      assert.equal(stored.length, 1, "no duplicate event after the restart");
      assert.equal(stored[0]!.id, opened[0]);
      assert.equal(stored[0]!.start, live.timestamps[LIVE.anomaly!.from - LIVE.first!]);
      assert.equal(
        stored[0]!.end,
        live.timestamps[LIVE.anomaly!.to - LIVE.first! - 1],
        "the continued event ended with the offset",
      );
      assert.ok(
        events.every((e) => e.event.id === opened[0]),
        "the restarted scorer only updated the original event",
      );
      assert.ok(events.some((e) => e.phase === "ended"));
      assert.ok(!events.some((e) => e.phase === "opened"), "no re-alarm");
      const model = scorer.status(ASSET).model!;
      const scores = await store.queryScores({ asset: ASSET, model });
      const unique = new Set(Array.from(scores.timestamps, String));
      assert.equal(unique.size, scores.timestamps.length, "no row's score is stored twice");
      assert.equal(
        scores.timestamps.length,
        LIVE.rows,
        "every live row has a stored score: nothing lost in the crash",
      );
    } finally {
      await store.close();
    }
  } finally {
    await ws.close();
  }
});
