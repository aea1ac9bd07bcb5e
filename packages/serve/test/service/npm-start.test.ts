import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { eventually, tempHome } from "../helpers/service-fixture.ts";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

test("`vigil start` (npm start) honours PORT and VIGIL_HOME, answers /api/health and stops on SIGTERM", async () => {
  const { home, cleanup } = await tempHome();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(root, "packages/cli/src/main.ts"), "start", "--no-demo"],
    {
      cwd: root,
      env: { ...process.env, PORT: String(port), VIGIL_HOME: home, VIGIL_MQTT_PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  try {
    const health = await eventually(
      async () => {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/api/health`);
          return (await response.json()) as { status: string };
        } catch {
          return undefined;
        }
      },
      30_000,
      "the service to answer",
    );
    assert.equal(health.status, "ok");
    assert.match(output, new RegExp(`http://127\\.0\\.0\\.1:${port}/`));
    assert.ok(output.includes(`workspace ${home}`), output);
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    assert.equal(code, 0, output);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    await cleanup();
  }
});
