#!/usr/bin/env node
import { Command } from "commander";
import { commandRegistrations } from "./commands/index.ts";

// `vigil ... | head` closes the pipe early: that ends the output, it is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const program = new Command();
program
  .name("vigil")
  .description("Anomaly detection, root-cause analysis and predictive maintenance")
  .version("0.1.0");
for (const register of commandRegistrations) register(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const e = error as { code?: string; message?: string };
  console.error(`vigil: ${e.code ? `[${e.code}] ` : ""}${e.message ?? String(error)}`);
  process.exitCode = 1;
});
