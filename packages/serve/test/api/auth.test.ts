import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { createService, TokenStore } from "../../src/index.ts";
import { api, startTestService, type TestService, tempHome } from "../helpers/service-fixture.ts";

const reading = { site: "s", machine: "m", channel: "c", t: Date.UTC(2026, 0, 5), v: 1 };

describe("tokens and scopes", () => {
  let service: TestService;
  let tokens: Record<"read" | "ingest" | "admin", string>;
  before(async () => {
    service = await startTestService();
    tokens = {
      read: (await service.tokens.create("read")).token,
      ingest: (await service.tokens.create("ingest")).token,
      admin: (await service.tokens.create("admin", "ops")).token,
    };
  });
  after(async () => {
    await service.stop();
  });

  test("tokens are stored hashed, never in clear", async () => {
    const file = await readFile(service.tokens.path, "utf8");
    for (const token of Object.values(tokens)) assert.ok(!file.includes(token.split("_")[2]!));
    assert.equal(JSON.parse(file).tokens.length, 3);
  });

  test("once a token exists, requests without one get 401 and public routes stay open", async () => {
    const none = await api(service, "/api/assets");
    assert.equal(none.status, 401);
    assert.equal(none.body.error.code, "SERVE_UNAUTHORIZED");
    const forged = await api(service, "/api/assets", { token: `${tokens.read.slice(0, -4)}AAAA` });
    assert.equal(forged.status, 401);
    assert.equal((await api(service, "/api/health")).status, 200);
  });

  test("each scope reaches its routes and no others; admin reaches all", async () => {
    const ingest = (token: string) =>
      api(service, "/api/ingest", { method: "POST", body: { readings: [reading] }, token });
    assert.equal((await ingest(tokens.ingest)).status, 200);
    const readOnIngest = await ingest(tokens.read);
    assert.equal(readOnIngest.status, 403);
    assert.equal(readOnIngest.body.error.code, "SERVE_FORBIDDEN");
    assert.equal((await api(service, "/api/assets", { token: tokens.read })).status, 200);
    assert.equal((await api(service, "/api/assets", { token: tokens.ingest })).status, 403);
    assert.equal((await api(service, "/metrics", { token: tokens.read })).status, 200);
    const train = { method: "POST", body: { site: "s", machine: "m", detector: "pca" } };
    assert.equal((await api(service, "/api/models/train", { ...train, token: tokens.read })).status, 403);
    assert.equal((await api(service, "/api/assets", { token: tokens.admin })).status, 200);
    assert.equal((await ingest(tokens.admin)).status, 200);
  });

  test("a revoked token stops working", async () => {
    const extra = await service.tokens.create("read");
    assert.equal((await api(service, "/api/assets", { token: extra.token })).status, 200);
    await service.tokens.revoke(extra.record.id);
    assert.equal((await api(service, "/api/assets", { token: extra.token })).status, 401);
  });
});

test("a token created by another process (the CLI) applies without a restart", async () => {
  const service = await startTestService();
  try {
    assert.equal((await api(service, "/api/assets")).status, 200, "open mode on loopback with no tokens");
    const { token } = await new TokenStore(service.config.home).create("read");
    // The service re-reads the tokens file at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal((await api(service, "/api/assets")).status, 401);
    assert.equal((await api(service, "/api/assets", { token })).status, 200);
  } finally {
    await service.stop();
  }
});

test("a service on a non-loopback address refuses to start without tokens", async () => {
  const { home, cleanup } = await tempHome();
  try {
    await assert.rejects(
      createService({
        home,
        host: "0.0.0.0",
        port: 0,
        mqtt: { port: 0 },
        dashboard: false,
        env: {},
        log: () => {},
      }),
      (error: Error & { code?: string }) =>
        error.code === "SERVE_CONFIG" && /token create/.test(error.message),
    );
  } finally {
    await cleanup();
  }
});

test("bad configuration is an error naming the setting", async () => {
  await assert.rejects(
    createService({ env: { PORT: "eighty" }, log: () => {} }),
    (error: Error & { code?: string }) => error.code === "SERVE_CONFIG" && /^PORT: /.test(error.message),
  );
  await assert.rejects(
    createService({ env: {}, limits: { bodyBites: 5 } as never, log: () => {} }),
    /Unknown option "bodyBites" for limits options/,
  );
});

test("rate limit: beyond requestsPerMinute a client gets 429", async () => {
  const service = await startTestService({ limits: { requestsPerMinute: 5 } });
  try {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await api(service, "/api/assets")).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
    const limited = await api(service, "/api/assets");
    assert.equal(limited.body.error.code, "SERVE_RATE_LIMITED");
  } finally {
    await service.stop();
  }
});

test("body size limit: a JSON body over limits.bodyBytes gets 413", async () => {
  const service = await startTestService({ limits: { bodyBytes: 1024 } });
  try {
    const readings = Array.from({ length: 100 }, (_, i) => ({ ...reading, t: reading.t + i }));
    const { status, body } = await api(service, "/api/ingest", { method: "POST", body: { readings } });
    assert.equal(status, 413);
    assert.equal(body.error.code, "SERVE_PAYLOAD_TOO_LARGE");
    assert.equal((await api(service, "/api/assets")).body.length, 0, "nothing of it was stored");
  } finally {
    await service.stop();
  }
});
