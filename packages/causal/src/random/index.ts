export { createRng, type Rng } from "@vigil/core/random";
export { hashSeed } from "./hash-seed.ts";
