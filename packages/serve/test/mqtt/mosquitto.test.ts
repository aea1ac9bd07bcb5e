import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { userInfo } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import mqtt from "mqtt";
import { encodeBinaryReadings } from "../../src/index.ts";
import { api, eventually, startTestService, type TestService, tempHome } from "../helpers/service-fixture.ts";

const MOSQUITTO = "/usr/sbin/mosquitto";
const PASSWD = "/usr/bin/mosquitto_passwd";
const T0 = Date.UTC(2026, 0, 5);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Debian's mosquitto on loopback with its own config: a password file, persistence in a temp dir. */
async function startMosquitto(
  dir: string,
): Promise<{ url: string; process: ChildProcess; log: () => string }> {
  const port = await freePort();
  const passwords = join(dir, "passwd");
  await writeFile(passwords, "");
  execFileSync(PASSWD, ["-b", passwords, "vigil", "pa55word"]);
  const config = join(dir, "mosquitto.conf");
  await writeFile(
    config,
    [
      `listener ${port} 127.0.0.1`,
      "allow_anonymous false",
      `password_file ${passwords}`,
      "persistence true",
      `persistence_location ${dir}/`,
      "max_queued_messages 100000",
      // Started as root, mosquitto would switch to its own user, who cannot use our temp dir.
      `user ${userInfo().username}`,
      "",
    ].join("\n"),
  );
  let output = "";
  const child = spawn(MOSQUITTO, ["-c", config], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `mqtt://127.0.0.1:${port}`;
  await eventually(
    async () => {
      try {
        const probe = await mqtt.connectAsync(url, {
          username: "vigil",
          password: "pa55word",
          reconnectPeriod: 0,
          connectTimeout: 500,
        });
        await probe.endAsync();
        return true;
      } catch {
        return undefined;
      }
    },
    10_000,
    `mosquitto on ${url} (${output})`,
  );
  return { url, process: child, log: () => output };
}

const mqttOptions = (url: string) => ({
  url,
  username: "vigil",
  password: "pa55word",
  clientId: "vigil-serve-test",
});

describe("MQTT ingest from an external broker (Debian's mosquitto)", {
  skip: existsSync(MOSQUITTO) ? false : `${MOSQUITTO} not installed (apt-get install mosquitto)`,
}, () => {
  let broker: Awaited<ReturnType<typeof startMosquitto>>;
  let dir: Awaited<ReturnType<typeof tempHome>>;
  let home: Awaited<ReturnType<typeof tempHome>>;
  let service: TestService;
  let publisher: mqtt.MqttClient;

  before(async () => {
    dir = await tempHome("vigil-mosquitto-");
    home = await tempHome();
    broker = await startMosquitto(dir.home);
    service = await startTestService({ home: home.home, mqtt: mqttOptions(broker.url) });
    publisher = await mqtt.connectAsync(broker.url, {
      username: "vigil",
      password: "pa55word",
      clientId: "publisher",
    });
  });
  after(async () => {
    await publisher?.endAsync();
    await service?.close();
    broker?.process.kill("SIGTERM");
    await home?.cleanup();
    await dir?.cleanup();
  });

  test("health reports the external broker as connected", async () => {
    const { body } = await api(service, "/api/health");
    assert.deepEqual(body.mqtt, { broker: "external", url: broker.url, connected: true });
  });

  test("the same payloads as with the embedded broker arrive in the store", async () => {
    await publisher.publishAsync("vigil/ext/m1/temp", JSON.stringify({ t: T0, v: 1 }), { qos: 1 });
    await publisher.publishAsync("vigil/ext/m1/temp", encodeBinaryReadings([{ t: T0 + 1000, v: 2 }]), {
      qos: 1,
    });
    await publisher.publishAsync("vigil/ext/m1", JSON.stringify([{ t: T0 + 2000, temp: 3 }]), { qos: 1 });
    await publisher.publishAsync("vigil/ext/m1/temp", "{oops", { qos: 1 });
    const series = await eventually(
      async () => {
        if ((await service.store.listAssets()).length === 0) return undefined;
        const s = await service.store.querySeries({ asset: { site: "ext", machine: "m1" } });
        return s.timestamps.length === 3 ? s : undefined;
      },
      10_000,
      "three stored readings",
    );
    assert.deepEqual(Array.from(series.values[0]!), [1, 2, 3]);
    const metrics = await eventually(
      async () => {
        const m = (await api(service, "/metrics")).body as string;
        return /reason="bad-json"\} 1/.test(m) ? m : undefined;
      },
      5000,
      "the rejection counted",
    );
    assert.match(metrics, /vigil_readings_accepted_total\{source="mqtt"\} 3\n/);
  });

  test("readings published while the service is down arrive after it restarts (persistent session)", async () => {
    await service.close();
    for (let i = 0; i < 50; i++) {
      await publisher.publishAsync("vigil/ext/m2/flow", JSON.stringify({ t: T0 + i * 1000, v: i }), {
        qos: 1,
      });
    }
    service = await startTestService({ home: home.home, mqtt: mqttOptions(broker.url) });
    const count = await eventually(
      async () => {
        if (!(await service.store.listAssets()).some((a) => a.machine === "m2")) return undefined;
        const s = await service.store.querySeries({ asset: { site: "ext", machine: "m2" } });
        return s.timestamps.length === 50 ? s.timestamps.length : undefined;
      },
      15_000,
      "the 50 readings queued by mosquitto",
    );
    assert.equal(count, 50);
  });

  test("the service's subscriber is refused with a wrong password, with an error naming the broker", async () => {
    const other = await tempHome();
    try {
      await assert.rejects(
        startTestService({
          home: other.home,
          mqtt: { ...mqttOptions(broker.url), password: "nope", clientId: "intruder" },
        }),
        (error: Error & { code?: string }) =>
          error.code === "SERVE_CONFIG" && error.message.includes(broker.url),
      );
    } finally {
      await other.cleanup();
    }
  });
});
