import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { VigilError } from "@vigil/core/errors";
import { build, type Message } from "esbuild";

/** One file the service answers with: its bytes and the Content-Type header to send. */
export interface DashboardFile {
  readonly body: Uint8Array;
  readonly contentType: string;
}

const appDir = fileURLToPath(new URL("../app/", import.meta.url));

const contentTypes: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

let cached: Promise<ReadonlyMap<string, DashboardFile>> | undefined;

/**
 * The dashboard's files keyed by URL path ("/index.html", "/app.js", "/app.css", and their source maps),
 * bundled in memory with esbuild on the first call and cached for the life of the process, so the service
 * needs no build step and no output folder. A failed build is not cached: the next call tries again.
 */
export function loadDashboard(): Promise<ReadonlyMap<string, DashboardFile>> {
  cached ??= bundleDashboard().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function bundleDashboard(): Promise<ReadonlyMap<string, DashboardFile>> {
  const outdir = join(appDir, "out");
  const result = await build({
    absWorkingDir: appDir,
    entryPoints: [
      { in: join(appDir, "main.ts"), out: "app" },
      { in: join(appDir, "styles", "app.css"), out: "app" },
    ],
    outdir,
    bundle: true,
    minify: true,
    sourcemap: "linked",
    format: "esm",
    target: "es2022",
    platform: "browser",
    charset: "utf8",
    write: false,
    logLevel: "silent",
  }).catch((error: unknown) => {
    const errors = (error as { errors?: Message[] }).errors ?? [];
    const where = errors.map(describeMessage).join("; ");
    throw new VigilError(
      "VIGIL_ERR_DASHBOARD_BUILD",
      `The dashboard failed to bundle: ${where || String(error)}`,
      {
        cause: error,
      },
    );
  });
  const files = new Map<string, DashboardFile>();
  for (const output of result.outputFiles) {
    files.set(`/${basename(output.path)}`, {
      body: output.contents,
      contentType: contentTypeOf(output.path),
    });
  }
  const html = await readFile(join(appDir, "index.html"));
  files.set("/index.html", { body: new Uint8Array(html), contentType: contentTypeOf("index.html") });
  return files;
}

function describeMessage(message: Message): string {
  const at = message.location
    ? `${message.location.file}:${message.location.line}:${message.location.column} `
    : "";
  return `${at}${message.text}`;
}

function contentTypeOf(path: string): string {
  const extension = path.slice(path.lastIndexOf("."));
  const type = contentTypes[extension];
  if (type === undefined)
    throw new VigilError("VIGIL_ERR_DASHBOARD_BUILD", `No content type known for ${path}`);
  return type;
}
