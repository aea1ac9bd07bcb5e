import type { Command } from "commander";
import { CRYO_DEMO_SEED, runCryoDemo } from "../demo/cryo-demo.ts";

/** `vigil demo`: the one-shot end-to-end detection demo in the terminal (what `npm start` once ran). */
export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      "one-shot demo in the terminal: simulate a cryogenic magnet, train a VAE, detect and explain its fault",
    )
    .option("--seed <n>", "simulation and training seed", String(CRYO_DEMO_SEED))
    .option("--epochs <n>", "training epochs", "30")
    .action(async (opts: { seed: string; epochs: string }) => {
      const started = performance.now();
      const result = await runCryoDemo({
        seed: Number(opts.seed),
        epochs: Number(opts.epochs),
        log: (line) => console.log(line),
      });
      console.log(
        `done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${result.detected ? `detected, top channel ${result.rankedFirst}` : "not detected"}`,
      );
    });
}
