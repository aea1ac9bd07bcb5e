import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { startService } from "../../src/index.ts";
import { api, eventually, tempHome } from "../helpers/service-fixture.ts";

const options = (home: string, logs: string[]) => ({
  home,
  host: "127.0.0.1",
  port: 0,
  mqtt: { port: 0 },
  dashboard: false,
  env: {},
  handleSignals: false,
  log: (line: string) => logs.push(line),
});

test("first start on an empty workspace: the demo trains, replays over MQTT and opens events; restart resumes", async () => {
  const { home, cleanup } = await tempHome();
  const logs: string[] = [];
  try {
    // A small, fast fleet: two magnets, PCA models, 6 simulated hours per second.
    const service = await startService({
      ...options(home, logs),
      demo: { sites: 1, magnetsPerSite: 2, detector: "pca", detectorConfig: {}, speed: 6 * 3600 },
    });
    assert.ok(service.demo, "the demo runs on an empty workspace");
    assert.ok(
      logs.some((l) => l.includes(`${service.url}/`)),
      "the dashboard URL is printed",
    );
    const health = await api(service, "/api/health");
    assert.equal(health.status, 200);

    const models = await eventually(
      async () => {
        const m = (await api(service, "/api/models")).body as { status: string }[];
        return m.length === 2 && m.every((x) => x.status === "active") ? m : undefined;
      },
      30_000,
      "two active models",
    );
    assert.equal(models.length, 2);
    const events = await eventually(
      async () => {
        const e = (await api(service, "/api/events")).body as unknown[];
        return e.length > 0 ? e : undefined;
      },
      40_000,
      "an event from the replayed faults",
    );
    assert.ok(events.length > 0, logs.join("\n"));
    const metrics = (await api(service, "/metrics")).body as string;
    assert.match(metrics, /vigil_readings_accepted_total\{source="mqtt"\} [1-9]\d*/);
    assert.match(metrics, /vigil_scored_windows_total [1-9]\d*/);

    const started = performance.now();
    await service.close();
    assert.ok(performance.now() - started < 10_000, "a clean shutdown is quick");
    await assert.rejects(fetch(`${service.url}/api/health`), "HTTP is closed");

    // The workspace is no longer empty: no second demo, the data and models are still there.
    const again = await startService({
      ...options(home, logs),
      demo: { sites: 1, magnetsPerSite: 2, detector: "pca" },
    });
    try {
      assert.equal(again.demo, undefined);
      assert.equal((await api(again, "/api/health")).body.assets, 2);
      assert.equal((await api(again, "/api/models")).body.length, 2);
      assert.ok((await api(again, "/api/events")).body.length >= events.length);
    } finally {
      await again.close();
    }
  } finally {
    await cleanup();
  }
});

test("--data: a file of real readings is stored and the asset's first model trained on it, instead of the demo", async () => {
  const { home, cleanup } = await tempHome();
  const logs: string[] = [];
  try {
    const file = join(home, "pump 7.csv");
    const lines = ["time,pressure,flow"];
    for (let i = 0; i < 500; i++) {
      lines.push(
        `${new Date(Date.UTC(2026, 0, 5) + i * 60_000).toISOString()},${(2 + Math.sin(i / 9)).toFixed(4)},${(5 + Math.cos(i / 9)).toFixed(4)}`,
      );
    }
    await writeFile(file, `${lines.join("\n")}\n`);
    const service = await startService({ ...options(home, logs), data: file, detector: "pca" });
    try {
      assert.equal(service.demo, undefined);
      const assets = (await api(service, "/api/assets")).body as {
        site: string;
        machine: string;
        model?: string;
      }[];
      assert.deepEqual(
        assets.map((a) => `${a.site}/${a.machine}`),
        ["data/pump-7"],
      );
      const models = (await api(service, "/api/models")).body as {
        id: string;
        status: string;
        kind: string;
      }[];
      assert.equal(models.length, 1);
      assert.equal(models[0]!.status, "active");
      assert.equal(assets[0]!.model, models[0]!.id);
    } finally {
      await service.close();
    }
  } finally {
    await cleanup();
  }
});
