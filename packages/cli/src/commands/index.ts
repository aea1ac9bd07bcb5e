import type { Command } from "commander";
import { registerBench } from "./bench.ts";
import { registerCausal } from "./causal.ts";
import { registerDataInspect } from "./data-inspect.ts";
import { registerDemo } from "./demo.ts";
import { registerScore } from "./score.ts";
import { registerServe } from "./serve.ts";
import { registerSimulate } from "./simulate.ts";
import { registerSlac } from "./slac.ts";
import { registerStart } from "./start.ts";
import { registerTrain } from "./train.ts";

/** Each command lives in its own file and registers itself here (one line per command). */
export const commandRegistrations: Array<(program: Command) => void> = [];
commandRegistrations.push(registerBench);
commandRegistrations.push(registerCausal);
commandRegistrations.push(registerDataInspect);
commandRegistrations.push(registerDemo);
commandRegistrations.push(registerSimulate);
commandRegistrations.push(registerServe);
commandRegistrations.push(registerSlac);
commandRegistrations.push(registerStart);
commandRegistrations.push(registerTrain);
commandRegistrations.push(registerScore);
