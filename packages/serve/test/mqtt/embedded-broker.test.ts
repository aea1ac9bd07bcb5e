import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import mqtt from "mqtt";
import { encodeBinaryReadings } from "../../src/index.ts";
import { api, eventually, startTestService, type TestService } from "../helpers/service-fixture.ts";

const T0 = Date.UTC(2026, 0, 5);

async function storedCount(service: TestService, site: string, machine: string): Promise<number> {
  const assets = await service.store.listAssets();
  if (!assets.some((a) => a.site === site && a.machine === machine)) return 0;
  const series = await service.store.querySeries({ asset: { site, machine } });
  return series.values.reduce((n, column) => n + column.filter((v) => !Number.isNaN(v)).length, 0);
}

function rejectedMetric(metrics: string, reason: string): number {
  const m = new RegExp(`vigil_readings_rejected_total\\{source="mqtt",reason="${reason}"\\} (\\d+)`).exec(
    metrics,
  );
  return m ? Number(m[1]) : 0;
}

describe("MQTT ingest through the embedded broker", () => {
  let service: TestService;
  let client: mqtt.MqttClient;
  before(async () => {
    service = await startTestService();
    client = await mqtt.connectAsync(service.mqtt.url, { clientId: "test-publisher" });
  });
  after(async () => {
    await client.endAsync();
    await service.stop();
  });

  test("a QoS 1 reading is durable in the store when its PUBACK arrives", async () => {
    await client.publishAsync("vigil/plant/m1/temp", JSON.stringify({ t: T0, v: 4.2 }), { qos: 1 });
    // No waiting: the acknowledgement itself promises durability.
    const series = await service.store.querySeries({ asset: { site: "plant", machine: "m1" } });
    assert.deepEqual(Array.from(series.values[0]!), [4.2]);
    assert.equal(series.timestamps[0], BigInt(T0) * 1_000_000n);
  });

  test("JSON arrays, ISO times, binary pairs and row objects are all stored", async () => {
    await client.publishAsync(
      "vigil/plant/m2/temp",
      JSON.stringify([
        { t: T0, v: 1 },
        { t: new Date(T0 + 1000).toISOString(), v: 2 },
      ]),
      { qos: 1 },
    );
    await client.publishAsync(
      "vigil/plant/m2/flow",
      encodeBinaryReadings([
        { t: T0, v: 10 },
        { t: T0 + 1000, v: 11 },
        { t: T0 + 2000, v: 12 },
      ]),
      { qos: 1 },
    );
    await client.publishAsync("vigil/plant/m2", JSON.stringify({ t: T0 + 2000, temp: 3, level: 0.5 }), {
      qos: 1,
    });
    const series = await service.store.querySeries({
      asset: { site: "plant", machine: "m2" },
      channels: ["temp", "flow", "level"],
    });
    assert.deepEqual(
      Array.from(series.timestamps, (t) => Number(t / 1_000_000n)),
      [T0, T0 + 1000, T0 + 2000],
    );
    assert.deepEqual(Array.from(series.values[0]!), [1, 2, 3]);
    assert.deepEqual(Array.from(series.values[1]!), [10, 11, 12]);
    assert.deepEqual(
      Array.from(series.values[2]!, (v) => (Number.isNaN(v) ? null : v)),
      [null, null, 0.5],
    );
  });

  test("malformed payloads are rejected with a reason, counted, announced, and never half-stored", async () => {
    const notices: { topic: string; body: { reason: string; where: string } }[] = [];
    const forwarded: string[] = [];
    const listener = await mqtt.connectAsync(service.mqtt.url, { clientId: "test-listener" });
    await listener.subscribeAsync(["vigil-rejected/#", "vigil/#"], { qos: 0 });
    listener.on("message", (topic, payload) => {
      if (topic.startsWith("vigil-rejected/")) notices.push({ topic, body: JSON.parse(payload.toString()) });
      else forwarded.push(payload.toString());
    });
    const bad: [string, string | Buffer, string][] = [
      ["vigil/plant/m3/temp", "{not json", "bad-json"],
      // One bad element sinks the whole message: the good first element is not stored either.
      [
        "vigil/plant/m3/temp",
        JSON.stringify([
          { t: T0, v: 1 },
          { t: T0 + 1, v: null },
        ]),
        "bad-value",
      ],
      ["vigil/plant/m3/temp", JSON.stringify({ t: 17, v: 1 }), "bad-time"],
      ["vigil/plant/m3/temp", JSON.stringify({ t: T0, value: 1 }), "bad-shape"],
      ["vigil/plant/m3/temp", Buffer.concat([Buffer.from("VGB1"), Buffer.alloc(15)]), "bad-binary"],
      ["vigil/plant/m3/temp", encodeBinaryReadings([{ t: T0, v: Number.NaN }]), "bad-value"],
      ["vigil/plant/m3", JSON.stringify({ t: T0, temp: 1, "bad channel": 2 }), "bad-name"],
      ["vigil/plant", JSON.stringify({ t: T0, v: 1 }), "bad-topic"],
      ["vigil/plant/m3/temp/extra", JSON.stringify({ t: T0, v: 1 }), "bad-topic"],
    ];
    for (const [topic, payload] of bad) await client.publishAsync(topic, payload, { qos: 1 });
    assert.equal(await storedCount(service, "plant", "m3"), 0);
    const metrics = (await api(service, "/metrics")).body as string;
    const expected = new Map<string, number>();
    for (const [, , reason] of bad) expected.set(reason, (expected.get(reason) ?? 0) + 1);
    for (const [reason, count] of expected) assert.equal(rejectedMetric(metrics, reason), count, reason);
    await eventually(() => (notices.length === bad.length ? true : undefined), 5000, "rejection notices");
    // Other subscribers get what was stored, never what was rejected.
    const good = JSON.stringify({ t: T0, v: 5 });
    await client.publishAsync("vigil/plant/m4/temp", good, { qos: 1 });
    await eventually(() => (forwarded.length > 0 ? true : undefined), 5000, "the stored reading forwarded");
    assert.deepEqual(forwarded, [good]);
    assert.equal(notices[0]!.topic, "vigil-rejected/vigil/plant/m3/temp");
    assert.equal(notices[1]!.body.where, "topic vigil/plant/m3/temp[1].v");
    await listener.endAsync();
    // The publisher's connection survives its malformed messages.
    assert.equal(client.connected, true);
  });

  test("count in = count stored for many concurrent publishes", async () => {
    const channels = ["a", "b", "c", "d"];
    const messages = 500;
    await Promise.all(
      Array.from({ length: messages }, (_, i) =>
        client.publishAsync(`vigil/load/m1/${channels[i % 4]}`, JSON.stringify({ t: T0 + i * 10, v: i }), {
          qos: 1,
        }),
      ),
    );
    assert.equal(await storedCount(service, "load", "m1"), messages);
    const metrics = (await api(service, "/metrics")).body as string;
    assert.match(metrics, /vigil_readings_accepted_total\{source="mqtt"\} \d+/);
  });
});

test("the embedded broker requires the configured user name and password", async () => {
  const service = await startTestService({ mqtt: { username: "plant", password: "s3cret" } });
  try {
    await assert.rejects(
      mqtt.connectAsync(service.mqtt.url, { username: "plant", password: "wrong", reconnectPeriod: 0 }),
      /Bad username or password/i,
    );
    await assert.rejects(
      mqtt.connectAsync(service.mqtt.url, { reconnectPeriod: 0 }),
      /Bad username or password/i,
    );
    const ok = await mqtt.connectAsync(service.mqtt.url, { username: "plant", password: "s3cret" });
    await ok.publishAsync("vigil/s/m/c", JSON.stringify({ t: T0, v: 1 }), { qos: 1 });
    await ok.endAsync();
    assert.equal((await service.store.listAssets()).length, 1);
  } finally {
    await service.stop();
  }
});
