export {
  type LinearSem,
  RANDOM_SEM_DEFAULTS,
  type RandomSemOptions,
  randomLinearSem,
  sampleLinearSem,
  semDag,
} from "./linear-sem.ts";
