import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer } from "node:http";
import { test } from "node:test";
import { WEBHOOK_DEFAULTS } from "../../src/config.ts";
import { ServiceMetrics } from "../../src/metrics/index.ts";
import { WebhookDispatcher } from "../../src/webhooks/index.ts";
import { eventually } from "../helpers/service-fixture.ts";

test("webhooks retry with backoff until delivered, without blocking the sender", async () => {
  const received: { attempt: number; body: string; at: number }[] = [];
  let calls = 0;
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      calls++;
      received.push({ attempt: calls, body, at: Date.now() });
      response.statusCode = calls <= 2 ? 503 : 200;
      response.end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  const metrics = new ServiceMetrics();
  const dispatcher = new WebhookDispatcher(
    { ...WEBHOOK_DEFAULTS, urls: [`http://127.0.0.1:${port}/hook`], backoffMs: 50, attempts: 4 },
    metrics,
  );
  try {
    const started = performance.now();
    dispatcher.send({ type: "event", event: { id: "e1" } });
    assert.ok(performance.now() - started < 5, "send only queues");
    await eventually(
      () => (metrics.webhookDeliveries.get({ outcome: "delivered" }) === 1 ? true : undefined),
      5000,
      "delivery",
    );
    assert.equal(metrics.webhookDeliveries.get({ outcome: "retried" }), 2);
    assert.equal(received.length, 3);
    assert.deepEqual(JSON.parse(received[2]!.body), { type: "event", event: { id: "e1" } });
    assert.ok(received[2]!.at - received[1]!.at >= 90, "the second retry waits twice the first backoff");
  } finally {
    await dispatcher.close();
    server.closeAllConnections();
    server.close();
  }
});

test("a receiver that never answers 2xx gets a bounded number of attempts, and a full queue drops the oldest", async () => {
  const metrics = new ServiceMetrics();
  // Nothing listens on this port: every attempt fails at once.
  const dispatcher = new WebhookDispatcher(
    { ...WEBHOOK_DEFAULTS, urls: ["http://127.0.0.1:9/none"], backoffMs: 10, attempts: 2, queue: 2 },
    metrics,
  );
  try {
    for (let i = 0; i < 10; i++) dispatcher.send({ i });
    await eventually(
      () => {
        const failed = metrics.webhookDeliveries.get({ outcome: "failed" });
        const dropped = metrics.webhookDeliveries.get({ outcome: "dropped" });
        return failed + dropped === 10 ? true : undefined;
      },
      5000,
      "every delivery failed or dropped",
    );
    assert.ok(metrics.webhookDeliveries.get({ outcome: "dropped" }) > 0);
  } finally {
    await dispatcher.close();
  }
});
