import { resolve } from "node:path";
import { VigilArgumentError } from "@vigil/core/errors";
import { expectOneOf } from "@vigil/core/validate";
import { SCOPES, type Scope, startService, TokenStore } from "@vigil/serve";
import type { Command } from "commander";

interface ServeFlags {
  port?: string;
  host?: string;
  home?: string;
  mqttUrl?: string;
  mqttPort?: string;
  mqttUsername?: string;
  mqttPassword?: string;
  webhook?: string[];
  data?: string;
  asset?: string;
  detector: string;
  demo: boolean;
}

/** "--port 80x" is an error naming the flag, not NaN deep inside. */
function integerFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) {
    throw new VigilArgumentError(`Expected an integer for --${name} but received "${text}"`, { name });
  }
  return n;
}

function assetFlag(text: string | undefined): { site: string; machine: string } | undefined {
  if (text === undefined) return undefined;
  const [site, machine, ...rest] = text.split("/");
  if (!site || !machine || rest.length > 0) {
    throw new VigilArgumentError(`Expected --asset <site>/<machine> but received "${text}"`, {
      name: "asset",
    });
  }
  return { site, machine };
}

/** The workspace as the service resolves it: --home, else VIGIL_HOME, else ./.vigil. */
const homeOf = (flag: string | undefined): string => resolve(flag ?? (process.env.VIGIL_HOME || ".vigil"));

/** Runs the service until SIGINT / SIGTERM. Shared by `vigil serve` and `vigil start`. */
export async function runServe(flags: ServeFlags): Promise<void> {
  const mqtt = {
    ...(flags.mqttUrl === undefined ? {} : { url: flags.mqttUrl }),
    ...(flags.mqttPort === undefined ? {} : { port: integerFlag("mqtt-port", flags.mqttPort) }),
    ...(flags.mqttUsername === undefined ? {} : { username: flags.mqttUsername }),
    ...(flags.mqttPassword === undefined ? {} : { password: flags.mqttPassword }),
  };
  await startService({
    ...(flags.port === undefined ? {} : { port: integerFlag("port", flags.port) }),
    ...(flags.host === undefined ? {} : { host: flags.host }),
    ...(flags.home === undefined ? {} : { home: flags.home }),
    ...(Object.keys(mqtt).length === 0 ? {} : { mqtt }),
    ...(flags.webhook === undefined ? {} : { webhooks: { urls: flags.webhook } }),
    ...(flags.data === undefined ? {} : { data: flags.data }),
    ...(flags.asset === undefined ? {} : { dataAsset: assetFlag(flags.asset) }),
    detector: flags.detector,
    demo: flags.demo,
    log: (line) => console.log(line),
  });
}

/** The options `vigil serve` and `vigil start` share. */
export function serveOptions(command: Command): Command {
  return command
    .option("--port <n>", "HTTP port (default: PORT or 8080)")
    .option("--host <address>", "interface to listen on (default: VIGIL_HOST or 127.0.0.1)")
    .option("--home <dir>", "workspace: store, models, tokens (default: VIGIL_HOME or ./.vigil)")
    .option("--mqtt-url <url>", "external MQTT broker, e.g. mqtt://localhost:1883 (default: embedded broker)")
    .option("--mqtt-port <n>", "port of the embedded MQTT broker (default 1883)")
    .option(
      "--mqtt-username <name>",
      "MQTT user name (required from clients of the embedded broker when set)",
    )
    .option("--mqtt-password <password>", "MQTT password (prefer VIGIL_MQTT_PASSWORD: flags show in ps)")
    .option("--webhook <url...>", "POST every event as JSON to these URLs")
    .option(
      "--data <file>",
      "store this file (CSV, JSON Lines, Parquet, Arrow) and train on it instead of the demo",
    )
    .option("--asset <site/machine>", "the asset --data belongs to (default: data/<file name>)")
    .option("--detector <kind>", "detector trained on --data", "vae")
    .option("--no-demo", "do not simulate a fleet on an empty workspace");
}

/** `vigil serve`: the HTTP API, MQTT ingest, streaming detection and dashboard; `vigil serve token ...`. */
export function registerServe(program: Command): void {
  const serve = serveOptions(
    program
      .command("serve")
      .description("run the service: HTTP API + dashboard, MQTT ingest, streaming detection")
      .addHelpText(
        "after",
        "\nWith no API token in the workspace and a loopback host, every request is allowed (only this machine " +
          "can connect).\nCreate a token to require them: vigil serve token create --scope admin",
      ),
  ).action((flags: ServeFlags) => runServe(flags));

  const token = serve.command("token").description("manage API tokens (stored hashed in <home>/tokens.json)");
  token
    .command("create")
    .description("create a token and print it (shown only this once)")
    .requiredOption("--scope <scope>", `one of ${SCOPES.join(", ")}`)
    .option("--note <text>", "what the token is for")
    .option("--home <dir>", "workspace (default: VIGIL_HOME or ./.vigil)")
    .action(async (flags: { scope: string; note?: string; home?: string }) => {
      const scope = expectOneOf("--scope", flags.scope, SCOPES) as Scope;
      const { token: value, record } = await new TokenStore(homeOf(flags.home)).create(scope, flags.note);
      console.error(`created token ${record.id} with scope ${scope}; store it now, it is not shown again:`);
      console.log(value);
    });
  token
    .command("list")
    .description("list tokens (ids, scopes, notes; never the tokens)")
    .option("--home <dir>", "workspace (default: VIGIL_HOME or ./.vigil)")
    .action(async (flags: { home?: string }) => {
      const store = new TokenStore(homeOf(flags.home));
      await store.refresh(true);
      for (const r of store.list())
        console.log(`${r.id}  ${r.scope.padEnd(6)}  ${r.created}  ${r.note ?? ""}`);
    });
  token
    .command("revoke <id>")
    .description("delete a token")
    .option("--home <dir>", "workspace (default: VIGIL_HOME or ./.vigil)")
    .action(async (id: string, flags: { home?: string }) => {
      await new TokenStore(homeOf(flags.home)).revoke(id);
      console.log(`revoked ${id}`);
    });
}
