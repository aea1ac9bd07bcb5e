import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createService, type Service, type ServiceOptions } from "../../src/index.ts";

/** A temporary VIGIL_HOME, removed by `cleanup`. */
export async function tempHome(
  prefix = "vigil-serve-",
): Promise<{ home: string; cleanup: () => Promise<void> }> {
  const home = await mkdtemp(join(tmpdir(), prefix));
  return { home, cleanup: () => rm(home, { recursive: true, force: true }) };
}

export interface TestService extends Service {
  readonly logs: string[];
  /** Closes the service and removes its workspace. */
  stop(): Promise<void>;
}

/** A service on 127.0.0.1 with OS-chosen ports, a temporary workspace and an empty environment. */
export async function startTestService(options: ServiceOptions = {}): Promise<TestService> {
  const { home, cleanup } =
    options.home === undefined ? await tempHome() : { home: options.home, cleanup: async () => {} };
  const logs: string[] = [];
  const service = await createService({
    host: "127.0.0.1",
    port: 0,
    dashboard: false,
    env: {},
    log: (line) => logs.push(line),
    ...options,
    home,
    mqtt: { port: 0, ...options.mqtt },
  });
  return {
    ...service,
    logs,
    async stop() {
      await service.close();
      await cleanup();
    },
  };
}

/** fetch against the service with JSON in and out. */
export async function api(
  service: { url: string },
  path: string,
  init: {
    method?: string;
    body?: unknown;
    token?: string;
    headers?: Record<string, string>;
    raw?: Buffer | string;
  } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests check response bodies field by field
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: string | Blob | undefined;
  if (init.raw !== undefined)
    body = typeof init.raw === "string" ? init.raw : new Blob([new Uint8Array(init.raw)]);
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${service.url}${path}`, { method: init.method ?? "GET", headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (metrics, docs)
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
