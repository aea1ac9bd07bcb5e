import { createRequire } from "node:module";
import type { Binding } from "./binding.d.ts";

export type * from "./binding.d.ts";

const require = createRequire(import.meta.url);
const addonPath = new URL("../build/Release/vigil_torch.node", import.meta.url).pathname;

function load(): Binding {
  try {
    return require(addonPath) as Binding;
  } catch (cause) {
    const message = (cause as Error).message;
    const hint = message.includes("libtorch")
      ? "install libtorch: apt-get install libtorch-dev libopenblas0-pthread (or run `npm start`, which does it)"
      : "build it with `npm run build:native` (or run `npm test` / `npm start`, which build it)";
    const error = new Error(
      `Cannot load the Vigil libtorch binding at ${addonPath}: ${message}\n  → ${hint}`,
      {
        cause,
      },
    );
    (error as Error & { code: string }).code = "VIGIL_TORCH_LOAD";
    throw error;
  }
}

export const binding: Binding = load();
