import { availableParallelism } from "node:os";
import { type Binding, binding, type Ops } from "@vigil/torch-native";
import { toTypedError } from "./errors.ts";

// Every native function is wrapped once so its errors surface as typed Vigil errors.
function guard<F extends (...args: never[]) => unknown>(fn: F): F {
  return ((...args: Parameters<F>) => {
    try {
      return fn(...args);
    } catch (error) {
      throw toTypedError(error);
    }
  }) as F;
}

function guardAll<O extends object>(target: O): O {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(target)) out[name] = typeof fn === "function" ? guard(fn) : fn;
  return out as O;
}

export const ops: Ops = guardAll(binding.ops);
export const native: Omit<Binding, "ops"> = guardAll(binding);

/**
 * Intra-op threads. libtorch's own default in Debian's build is 1; Vigil defaults to every core
 * (VIGIL_THREADS overrides). OpenMP keeps the setting per OS thread, so each worker_thread
 * applies it when it loads this module.
 */
export function setNumThreads(n: number): void {
  native.setNumThreads(n);
}

export function getNumThreads(): number {
  return native.getNumThreads();
}

const configured = Number(process.env.VIGIL_THREADS);
setNumThreads(Number.isInteger(configured) && configured > 0 ? configured : availableParallelism());
