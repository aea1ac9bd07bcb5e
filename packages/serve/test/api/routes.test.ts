import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { writeParquet } from "@vigil/data/readers";
import { api, eventually, startTestService, type TestService } from "../helpers/service-fixture.ts";

const T0 = Date.UTC(2026, 0, 5);

describe("HTTP API (open mode: loopback, no tokens)", () => {
  let service: TestService;
  before(async () => {
    service = await startTestService();
  });
  after(async () => {
    await service.stop();
  });

  test("GET /api/health answers with version, asset count and the MQTT broker", async () => {
    const { status, body } = await api(service, "/api/health");
    assert.equal(status, 200);
    assert.equal(body.status, "ok");
    assert.equal(body.mqtt.broker, "embedded");
    assert.equal(body.mqtt.connected, true);
    assert.match(body.mqtt.url, /^mqtt:\/\/127\.0\.0\.1:\d+$/);
  });

  test("POST /api/ingest stores the valid readings and names each rejected one's field", async () => {
    const readings = [
      { site: "s1", machine: "m1", channel: "temp", t: T0, v: 1 },
      { site: "s1", machine: "m1", channel: "temp", t: T0 + 1000, v: "warm" },
      { site: "s1", machine: "m1", channel: "temp", t: new Date(T0 + 2000).toISOString(), v: 3 },
      { site: "s1", machine: "m1", channel: "te/mp", t: T0 + 3000, v: 4 },
      { site: "s1", machine: "m1", channel: "temp", t: "yesterday", v: 5 },
      { site: "s1", machine: "m1", channel: "temp", t: T0 + 4000, v: 6, unit: "K" },
    ];
    const { status, body } = await api(service, "/api/ingest", { method: "POST", body: { readings } });
    assert.equal(status, 200);
    assert.equal(body.accepted, 2);
    assert.equal(body.rejected, 4);
    assert.deepEqual(
      body.errors.map((e: { index: number }) => e.index),
      [1, 3, 4, 5],
    );
    assert.match(body.errors[0].reason, /^readings\[1\]\.v: expected a finite number/);
    assert.match(body.errors[1].reason, /^readings\[3\]\.channel:/);
    assert.match(body.errors[2].reason, /^readings\[4\]\.t: expected an ISO-8601/);
    assert.match(body.errors[3].reason, /^readings\[5\]\.unit: unknown field/);

    const series = await api(service, "/api/assets/s1/m1/series");
    assert.deepEqual(series.body, { timestamps: [T0, T0 + 2000], channels: ["temp"], values: [[1, 3]] });
    const metrics = (await api(service, "/metrics")).body as string;
    assert.match(metrics, /vigil_readings_accepted_total\{source="http"\} 2\n/);
    assert.match(metrics, /vigil_readings_rejected_total\{source="http",reason="bad-value"\} 1\n/);
    assert.match(metrics, /vigil_readings_rejected_total\{source="http",reason="bad-time"\} 1\n/);
  });

  test("schema violations answer 400 with the field's place", async () => {
    const missing = await api(service, "/api/ingest", { method: "POST", body: { rows: [] } });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, "SERVE_BAD_REQUEST");
    assert.equal(missing.body.error.where, "body/readings");
    const query = await api(service, "/api/assets/s1/m1/series?maxPoints=1");
    assert.equal(query.status, 400);
    assert.equal(query.body.error.where, "querystring/maxPoints");
    const extra = await api(service, "/api/assets/s1/m1/series?colour=red");
    assert.equal(extra.status, 400);
    assert.equal(extra.body.error.where, "querystring/colour");
    const notJson = await api(service, "/api/ingest", {
      method: "POST",
      raw: "{readings: [",
      headers: { "content-type": "application/json" },
    });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.error.code, "SERVE_BAD_REQUEST");
    const unknownAsset = await api(service, "/api/assets/s1/nope/series");
    assert.equal(unknownAsset.status, 404);
    assert.equal(unknownAsset.body.error.code, "SERVE_NOT_FOUND");
  });

  test("a CSV upload round-trips, with malformed rows skipped and reported by line", async () => {
    const csv = [
      "timestamp,pressure,flow",
      "2026-01-05T00:00:00Z,1.5,10",
      "2026-01-05T00:00:01Z,1.6,11",
      "2026-01-05T00:00:02Z,abc,12",
      "2026-01-05T00:00:03Z,1.8,13",
    ].join("\n");
    const { status, body } = await api(service, "/api/assets/s1/m2/upload", {
      method: "POST",
      raw: csv,
      headers: { "content-type": "text/csv" },
    });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.accepted, 6);
    assert.equal(body.rejected, 1);
    assert.equal(body.errors[0].index, 4);
    assert.doesNotMatch(body.errors[0].reason, /upload-/, "the temporary file's name does not leak");
    const series = await api(service, "/api/assets/s1/m2/series?channels=pressure,flow");
    assert.deepEqual(series.body, {
      timestamps: [T0, T0 + 1000, T0 + 3000],
      channels: ["pressure", "flow"],
      values: [
        [1.5, 1.6, 1.8],
        [10, 11, 13],
      ],
    });
    const failing = await api(service, "/api/assets/s1/m3/upload?onError=fail", {
      method: "POST",
      raw: csv,
      headers: { "content-type": "text/csv" },
    });
    assert.equal(failing.status, 400);
    assert.match(failing.body.error.message, /line 4/);
    assert.equal(
      (await api(service, "/api/assets/s1/m3/series")).status,
      404,
      "nothing of a failed upload is stored",
    );
    const unsupported = await api(service, "/api/assets/s1/m2/upload", {
      method: "POST",
      raw: "x",
      headers: { "content-type": "image/png" },
    });
    assert.equal(unsupported.status, 415);
  });

  test("a Parquet upload round-trips", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vigil-parquet-"));
    try {
      const path = join(dir, "x.parquet");
      const timestamps = BigInt64Array.from([0, 1, 2], (i) => BigInt(T0 + i * 1000) * 1_000_000n);
      await writeParquet(path, {
        timestamps,
        channels: [{ name: "vib", kind: "vibration" }],
        values: [Float64Array.from([0.5, Number.NaN, 0.7])],
      });
      const { status, body } = await api(service, "/api/assets/s2/pq/upload", {
        method: "POST",
        raw: await readFile(path),
        headers: { "content-type": "application/vnd.apache.parquet" },
      });
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.accepted, 2);
      const series = await api(service, "/api/assets/s2/pq/series");
      assert.deepEqual(series.body, { timestamps: [T0, T0 + 2000], channels: ["vib"], values: [[0.5, 0.7]] });
      const broken = await api(service, "/api/assets/s2/pq2/upload", {
        method: "POST",
        raw: Buffer.from("PAR1 this is not parquet"),
        headers: { "content-type": "application/vnd.apache.parquet" },
      });
      assert.equal(broken.status, 400, JSON.stringify(broken.body));
      assert.equal((await api(service, "/api/assets/s2/pq2/series")).status, 404);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a JSON array of rows uploads all-or-nothing per row", async () => {
    const rows = [
      { t: T0, a: 1, b: 2 },
      { t: T0 + 1000, a: 2, b: "x" },
      { t: T0 + 2000, a: 3, b: null },
    ];
    const { body } = await api(service, "/api/assets/s2/rows/upload", { method: "POST", body: rows });
    assert.equal(body.accepted, 3);
    assert.equal(body.rejected, 1);
    assert.match(body.errors[0].reason, /^body\[1\]\.b:/);
    const series = await api(service, "/api/assets/s2/rows/series");
    assert.deepEqual(series.body.values, [
      [1, 3],
      [2, null],
    ]);
  });

  test("series queries are min/max decimated to maxPoints", async () => {
    const readings = Array.from({ length: 100 }, (_, i) => ({
      site: "s3",
      machine: "dense",
      channel: "x",
      t: T0 + i * 1000,
      v: i === 37 ? 1000 : i % 7,
    }));
    await api(service, "/api/ingest", { method: "POST", body: { readings } });
    const { body } = await api(
      service,
      `/api/assets/s3/dense/series?maxPoints=10&from=${T0}&to=${T0 + 100_000}`,
    );
    assert.equal(body.timestamps.length, 10);
    assert.ok(body.values[0].includes(1000), "the spike survives decimation");
    const bad = await api(service, `/api/assets/s3/dense/series?from=${T0 + 5}&to=${T0}`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.where, "querystring/to");
  });

  test("events: the detail carries the phases of the event's stored score", async () => {
    const asset = { site: "s9", machine: "m9" };
    // One score a second: 20 normal minutes, then a 2-minute build-up to a plateau, a recovery, normal again.
    const steps = 1200 + 600;
    const noise = (i: number) => 0.2 * Math.sin(i * 12.9898) * Math.cos(i * 78.233);
    const level = (i: number) =>
      i < 1200 ? 0 : i < 1320 ? (i - 1200) / 40 : i < 1560 ? 3 : i < 1620 ? 3 - (i - 1560) / 20 : 0;
    const t = (i: number) => BigInt(T0 + i * 1000) * 1_000_000n;
    await service.store.appendScores({
      asset,
      model: "model-9",
      timestamps: BigInt64Array.from({ length: steps }, (_, i) => t(i)),
      scores: Float64Array.from({ length: steps }, (_, i) => Math.exp(level(i) + noise(i))),
    });
    const stored = await service.store.appendEvent({
      asset,
      start: t(1200),
      end: t(1620),
      type: "anomaly",
      severity: 20,
      detail: { model: "model-9" },
    });
    const { status, body } = await api(service, `/api/events/${stored.id}`);
    assert.equal(status, 200);
    const phases = (body.phases as number[]).map((ms) => (ms - T0) / 1000);
    assert.ok(
      phases.every((s) => s >= 1200 && s <= 1620),
      `${phases}`,
    );
    assert.ok(
      phases.some((s) => s >= 1200 && s < 1320),
      `a change in the build-up: ${phases}`,
    );
    assert.ok(
      phases.some((s) => s >= 1540 && s < 1620),
      `a change in the recovery: ${phases}`,
    );
    await service.store.updateEvent(stored.id, { status: "resolved" });
  });

  test("events: a change in an ended event's last steps is judged from the scores after it", async () => {
    const asset = { site: "s8", machine: "m8" };
    // One score a minute; the event's score jumps at minute 1200 and again at 1210, five minutes before the end
    // stored for the event (the store's scores run on: an open event's end trails them).
    const t = (i: number) => BigInt(T0 + i * 60_000) * 1_000_000n;
    const noise = (i: number) => 0.2 * Math.sin(i * 12.9898) * Math.cos(i * 78.233);
    const level = (i: number) => (i < 1200 || i >= 1240 ? 0 : i < 1210 ? 2 : 4);
    await service.store.appendScores({
      asset,
      model: "model-8",
      timestamps: BigInt64Array.from({ length: 1300 }, (_, i) => t(i)),
      scores: Float64Array.from({ length: 1300 }, (_, i) => Math.exp(level(i) + noise(i))),
    });
    const stored = await service.store.appendEvent({
      asset,
      start: t(1200),
      end: t(1215),
      type: "anomaly",
      severity: 20,
      detail: { model: "model-8" },
    });
    const phases = ((await api(service, `/api/events/${stored.id}`)).body.phases as number[]).map(
      (ms) => (ms - T0) / 60_000,
    );
    assert.ok(phases.includes(1200), `the first jump: ${phases}`);
    assert.ok(
      phases.some((m) => m >= 1209 && m <= 1211),
      `the second jump: ${phases}`,
    );
    await service.store.updateEvent(stored.id, { status: "resolved" });
  });

  test("events: list, get with explanation, acknowledge and comment", async () => {
    const explanation = {
      onset: T0 + 1000,
      ranking: [
        { channel: "temp", contribution: 0.8 },
        { channel: "flow", contribution: 0.2 },
      ],
      heatmap: { timestamps: [T0], channels: ["temp", "flow"], values: [[0.8], [0.2]] },
      components: { reconstruction: [1.5] },
      componentTimestamps: [T0],
    };
    const stored = await service.store.appendEvent({
      asset: { site: "s1", machine: "m1" },
      start: BigInt(T0) * 1_000_000n,
      end: BigInt(T0 + 5000) * 1_000_000n,
      type: "anomaly",
      severity: 4.2,
      channel: "temp",
      detail: { explanation },
    });
    const list = await api(service, "/api/events?site=s1&machine=m1&status=open");
    assert.equal(list.status, 200);
    assert.equal(list.body.length, 1);
    assert.equal(list.body[0].start, T0);
    const detail = await api(service, `/api/events/${stored.id}`);
    assert.deepEqual(detail.body.explanation, explanation);
    assert.equal(detail.body.phases, undefined, "no model, no stored score: no phases");

    const ack = await api(service, `/api/events/${stored.id}`, {
      method: "PATCH",
      body: { status: "acknowledged", comment: "cold head serviced" },
    });
    assert.equal(ack.status, 200);
    assert.equal(ack.body.status, "acknowledged");
    assert.equal(ack.body.comment, "cold head serviced");
    assert.equal((await api(service, "/api/events?status=open")).body.length, 0);

    const badStatus = await api(service, `/api/events/${stored.id}`, {
      method: "PATCH",
      body: { status: "closed" },
    });
    assert.equal(badStatus.status, 400);
    assert.equal(badStatus.body.error.where, "body/status");
    const empty = await api(service, `/api/events/${stored.id}`, { method: "PATCH", body: {} });
    assert.equal(empty.status, 400);
    const unknown = await api(service, "/api/events/no-such-event", {
      method: "PATCH",
      body: { comment: "x" },
    });
    assert.equal(unknown.status, 404);
    const halfAsset = await api(service, "/api/events?site=s1");
    assert.equal(halfAsset.status, 400);
    assert.equal(halfAsset.body.error.where, "querystring/machine");
  });

  test("train job: 202, progress to done, the model listed active; roll back with no earlier model is 409", async () => {
    const readings = [];
    for (let i = 0; i < 400; i++) {
      const t = T0 + i * 1000;
      readings.push({ site: "s4", machine: "pump", channel: "a", t, v: Math.sin(i / 10) });
      readings.push({ site: "s4", machine: "pump", channel: "b", t, v: Math.cos(i / 10) + 0.01 * (i % 3) });
    }
    assert.equal(
      (await api(service, "/api/ingest", { method: "POST", body: { readings } })).body.accepted,
      800,
    );
    const started = await api(service, "/api/models/train", {
      method: "POST",
      body: { site: "s4", machine: "pump", detector: "pca" },
    });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    assert.equal(started.body.kind, "train");
    const job = await eventually(
      async () => {
        const j = (await api(service, `/api/jobs/${started.body.id}`)).body;
        return j.state === "done" || j.state === "failed" ? j : undefined;
      },
      20_000,
      "the train job",
    );
    assert.equal(job.state, "done", job.message);
    const models = (await api(service, "/api/models?site=s4&machine=pump")).body;
    assert.equal(models.length, 1);
    assert.equal(models[0].id, job.model);
    assert.equal(models[0].status, "active");
    assert.equal(models[0].kind, "pca");

    const rollBack = await api(service, "/api/assets/s4/pump/models/rollback", { method: "POST" });
    assert.equal(rollBack.status, 409);
    const badDetector = await api(service, "/api/models/train", {
      method: "POST",
      body: { site: "s4", machine: "pump", detector: "magic" },
    });
    assert.equal(badDetector.status, 400);
    assert.equal(badDetector.body.error.where, "body/detector");
    const noData = await api(service, "/api/models/train", {
      method: "POST",
      body: { site: "s4", machine: "ghost", detector: "pca" },
    });
    assert.equal(noData.status, 404);
    assert.equal((await api(service, "/api/jobs/nope")).status, 404);
  });

  test("activate a shadow model, then roll back to the one before", async () => {
    const train = async () => {
      const started = await api(service, "/api/models/train", {
        method: "POST",
        body: { site: "s4", machine: "pump", detector: "pca" },
      });
      return eventually(
        async () => {
          const j = (await api(service, `/api/jobs/${started.body.id}`)).body;
          return j.state === "done" ? j : undefined;
        },
        20_000,
        "train job",
      );
    };
    const first = (await api(service, "/api/models?site=s4&machine=pump")).body[0].id as string;
    const second = (await train()).model as string;
    const status = async () =>
      Object.fromEntries(
        (
          (await api(service, "/api/models?site=s4&machine=pump")).body as { id: string; status: string }[]
        ).map((m) => [m.id, m.status]),
      );
    assert.deepEqual(await status(), { [first]: "active", [second]: "shadow" });
    const activated = await api(service, `/api/models/${second}/activate`, { method: "POST" });
    assert.equal(activated.status, 200);
    assert.equal(activated.body.status, "active");
    assert.deepEqual(await status(), { [first]: "retired", [second]: "active" });
    const assets = (await api(service, "/api/assets")).body as { machine: string; model?: string }[];
    assert.equal(assets.find((a) => a.machine === "pump")?.model, second);
    const rolledBack = await api(service, "/api/assets/s4/pump/models/rollback", { method: "POST" });
    assert.equal(rolledBack.status, 200);
    assert.equal(rolledBack.body.id, first);
    assert.deepEqual(await status(), { [first]: "active", [second]: "retired" });
    assert.equal((await api(service, "/api/models/no-such-model/activate", { method: "POST" })).status, 404);
  });

  test("an asset's lastSeen comes from the Store when nothing arrived since the service started", async () => {
    // Written past the ingestor, as after a restart: the service has not seen these readings arrive.
    await service.store.appendSeries({
      asset: { site: "s7", machine: "kiln" },
      timestamps: BigInt64Array.from([T0, T0 + 1000], (ms) => BigInt(ms) * 1_000_000n),
      channels: [{ name: "temp", kind: "temperature" }],
      values: [Float64Array.of(900, 901)],
    });
    const assets = (await api(service, "/api/assets")).body as { machine: string; lastSeen?: number }[];
    assert.equal(assets.find((a) => a.machine === "kiln")?.lastSeen, T0 + 1000);
  });

  test("OpenAPI is served at /docs", async () => {
    const ui = await fetch(`${service.url}/docs`);
    assert.equal(ui.status, 200);
    const spec = (await api(service, "/docs/json")).body;
    assert.equal(spec.openapi.slice(0, 2), "3.");
    for (const path of [
      "/api/ingest",
      "/api/assets/{site}/{machine}/series",
      "/api/events/{id}",
      "/api/models/train",
    ]) {
      assert.ok(spec.paths[path], `${path} documented`);
    }
  });

  test("unknown routes answer 404 as ApiError", async () => {
    const { status, body } = await api(service, "/api/nothing");
    assert.equal(status, 404);
    assert.equal(body.error.code, "SERVE_NOT_FOUND");
  });
});
