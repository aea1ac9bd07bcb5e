import type { Command } from "commander";
import { runServe, serveOptions } from "./serve.ts";

/**
 * `vigil start` (what `npm start` runs): the service with its first-start demo, honouring PORT and
 * VIGIL_HOME.
 */
export function registerStart(program: Command): void {
  serveOptions(
    program
      .command("start")
      .description(
        "start the service (same as `vigil serve`); on an empty workspace it simulates a fleet to watch",
      ),
  ).action((flags) => runServe(flags));
}
