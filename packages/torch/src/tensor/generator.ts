import type { GeneratorHandle } from "@vigil/torch-native";
import { native } from "../runtime/native.ts";

/** A seedable random-number generator for reproducible sampling (rand, randn, normal_...). */
export class Generator {
  readonly handle: GeneratorHandle;
  constructor(seed?: number) {
    this.handle = native.generator(seed);
  }
}

/** Seeds libtorch's default generator (used when no Generator is passed, e.g. by dropout). */
export function manualSeed(seed: number): void {
  native.manualSeed(seed);
}
