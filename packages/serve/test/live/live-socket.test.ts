import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer } from "node:http";
import { after, before, describe, test } from "node:test";
import mqtt from "mqtt";
import WebSocket from "ws";
import type { LiveMessage } from "../../src/index.ts";
import { api, eventually, startTestService, type TestService } from "../helpers/service-fixture.ts";

const T0 = Date.UTC(2026, 0, 5);
const STEP = 1000;

/** Three coupled channels: b follows a, c is independent noise; the anomaly breaks b away from a. */
function row(i: number, anomalous: boolean): { t: number; a: number; b: number; c: number } {
  const a = Math.sin(i / 15) + 0.05 * Math.sin(i * 1.7);
  const b = 2 * a + 0.05 * Math.cos(i * 2.3) + (anomalous ? 6 : 0);
  return { t: T0 + i * STEP, a, b, c: 0.3 * Math.sin(i / 7) + 0.05 * Math.sin(i * 3.1) };
}

class LiveClient {
  readonly messages: LiveMessage[] = [];
  readonly socket: WebSocket;
  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on("message", (data) => this.messages.push(JSON.parse(data.toString()) as LiveMessage));
  }
  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once("open", () => resolve());
      this.socket.once("error", reject);
    });
  }
  of<T extends LiveMessage["type"]>(type: T): Extract<LiveMessage, { type: T }>[] {
    return this.messages.filter((m): m is Extract<LiveMessage, { type: T }> => m.type === type);
  }
}

describe("live WebSocket", () => {
  let service: TestService;
  let live: LiveClient;
  const hooks: { event: { id: string } }[] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      hooks.push(JSON.parse(body));
      response.end();
    });
  });
  before(async () => {
    receiver.listen(0, "127.0.0.1");
    await once(receiver, "listening");
    const { port } = receiver.address() as { port: number };
    service = await startTestService({ webhooks: { urls: [`http://127.0.0.1:${port}/vigil`] } });
    live = new LiveClient(`${service.url.replace("http", "ws")}/api/live`);
    await live.opened();
  });
  after(async () => {
    live.socket.close();
    await service.stop();
    // fetch keeps connections alive; they would hold the receiver (and this process) open.
    receiver.closeAllConnections();
    receiver.close();
  });

  test("pushes the train job, then scores and an explained event for an anomaly published over MQTT", async () => {
    const normal = Array.from({ length: 600 }, (_, i) => row(i, false));
    const upload = await api(service, "/api/assets/lab/rig/upload", { method: "POST", body: normal });
    assert.equal(upload.body.accepted, 1800);
    const started = await api(service, "/api/models/train", {
      method: "POST",
      body: { site: "lab", machine: "rig", detector: "pca" },
    });
    assert.equal(started.status, 202);
    await eventually(
      () => live.of("job").find((m) => m.job.id === started.body.id && m.job.state === "done"),
      20_000,
      "job done on the socket",
    );
    assert.ok(live.of("model").length >= 1, "the new model is announced");

    live.socket.send(JSON.stringify({ type: "subscribe", site: "lab", machine: "rig" }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const publisher = await mqtt.connectAsync(service.mqtt.url);
    try {
      for (let i = 600; i < 700; i++) {
        await publisher.publishAsync("vigil/lab/rig", JSON.stringify(row(i, i >= 640)), { qos: 1 });
      }
    } finally {
      await publisher.endAsync();
    }
    const readings = await eventually(
      () => live.of("readings").at(0),
      5000,
      "raw readings of the subscribed asset",
    );
    assert.equal(readings.site, "lab");
    assert.deepEqual([...readings.channels].sort(), ["a", "b", "c"]);

    // The event covering the anomaly (a short false alarm on normal rows may come first).
    const event = await eventually(
      () => live.of("event").find((m) => m.event.end >= T0 + 640 * STEP),
      20_000,
      "an event on the socket",
    );
    assert.equal(event.event.site, "lab");
    assert.ok(
      event.event.start >= T0 + 600 * STEP,
      `the event starts with the live readings: ${JSON.stringify(live.of("event").map((m) => [(m.event.start - T0) / STEP, (m.event.end - T0) / STEP, m.event.status]))} ${JSON.stringify(
        live
          .of("scores")
          .flatMap((m) => m.points)
          .map((p) => [(p.t - T0) / STEP, p.score.toFixed(1), p.threshold.toFixed(1)]),
      )}`,
    );
    const points = live.of("scores").flatMap((m) => m.points);
    assert.ok(points.length > 0);
    const before = points.filter((p) => p.t < T0 + 640 * STEP);
    const during = points.filter((p) => p.t >= T0 + 650 * STEP);
    assert.ok(
      during.some((p) => p.score > p.threshold),
      "scores cross the threshold during the anomaly",
    );
    assert.ok(
      before.length === 0 ||
        Math.max(...before.map((p) => p.score)) < Math.max(...during.map((p) => p.score)),
    );

    const hook = await eventually(
      () => hooks.find((h) => h.event.id === event.event.id),
      5000,
      "the event's webhook",
    );
    assert.equal(hook.event.id, event.event.id);

    const detail = await api(service, `/api/events/${event.event.id}`);
    assert.equal(detail.status, 200);
    // Which channel ranks first is the detector's attribution (tested in stream/ and detect/); the API
    // must deliver a well-formed explanation that names the broken channel among the leaders.
    const ranking = detail.body.explanation?.ranking as { channel: string; contribution: number }[];
    assert.ok(ranking.length > 0, "an explanation with a ranking");
    assert.ok(ranking.every((r) => ["a", "b", "c"].includes(r.channel)));
    assert.ok(Math.abs(ranking.reduce((s, r) => s + r.contribution, 0) - 1) < 1e-6, "shares sum to 1");
    assert.ok(
      ranking.slice(0, 2).some((r) => r.channel === "b"),
      JSON.stringify(ranking),
    );
    // The scorer persists scores in the background, just after pushing them.
    const scores = await eventually(
      async () => {
        const r = await api(service, "/api/assets/lab/rig/scores");
        const ready = r.status === 200 && r.body.score.length > 0;
        return ready && r.body.threshold.some((v: number | null) => v !== null) ? r : undefined;
      },
      5000,
      "stored scores with their thresholds",
    );
    assert.equal(scores.body.threshold.length, scores.body.score.length);
  });

  test("unsubscribe stops the raw readings while scores keep coming", async () => {
    live.socket.send(JSON.stringify({ type: "unsubscribe" }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const readingsBefore = live.of("readings").length;
    const lastScored = () => Math.max(...live.of("scores").flatMap((m) => m.points.map((p) => p.t)));
    const publisher = await mqtt.connectAsync(service.mqtt.url);
    try {
      for (let i = 700; i < 760; i++)
        await publisher.publishAsync("vigil/lab/rig", JSON.stringify(row(i, false)), { qos: 1 });
    } finally {
      await publisher.endAsync();
    }
    await eventually(
      () => (lastScored() >= T0 + 740 * STEP ? true : undefined),
      10_000,
      "scores of the new rows",
    );
    assert.equal(live.of("readings").length, readingsBefore, "no raw readings after unsubscribing");
  });

  test("a malformed client message is answered with an error; the socket stays open", async () => {
    const count = live.of("error").length;
    live.socket.send("not json");
    live.socket.send(JSON.stringify({ type: "subscribe", site: "lab" }));
    await eventually(() => (live.of("error").length === count + 2 ? true : undefined), 5000, "two errors");
    assert.equal(live.of("error").at(-1)!.error.where, "message.machine");
    assert.equal(live.socket.readyState, WebSocket.OPEN);
  });

  test("a client that stops reading is dropped instead of buffered without bound", async () => {
    const small = await startTestService({ limits: { liveBufferBytes: 1024 } });
    try {
      const slow = new LiveClient(`${small.url.replace("http", "ws")}/api/live`);
      await slow.opened();
      // Pausing the underlying socket stops reading: the service's send buffer fills.
      (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
      slow.socket.send(JSON.stringify({ type: "subscribe", site: "x", machine: "y" }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Each upload is pushed to the subscriber as one large readings message (~400 kB).
      for (let k = 0; k < 60; k++) {
        const rows = Array.from({ length: 10_000 }, (_, i) => ({ t: T0 + (k * 10_000 + i) * 10, z: i }));
        await api(small, "/api/assets/x/y/upload", { method: "POST", body: rows });
        if (small.metrics.liveDropped.get() > 0) break;
      }
      const metrics = await eventually(
        async () => {
          const m = (await api(small, "/metrics")).body as string;
          return /vigil_live_clients_dropped_total 1/.test(m) ? m : undefined;
        },
        20_000,
        "the slow client dropped",
      );
      assert.match(metrics, /vigil_live_clients 0/);
      slow.socket.terminate();
    } finally {
      await small.stop();
    }
  });
});
