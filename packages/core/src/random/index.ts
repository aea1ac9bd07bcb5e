export { hashSeed } from "./hash-seed.ts";
export { createRng, type Rng, type Shuffleable } from "./rng.ts";
