import type { Command } from "commander";

/** Each command lives in its own file and registers itself here (one line per command). */
export const commandRegistrations: Array<(program: Command) => void> = [];
