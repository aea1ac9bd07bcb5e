import { ops } from "../runtime/native.ts";

// libtorch's grad mode is per OS thread; each JS thread (main or worker) mirrors its own here.
let enabled = true;

export function isGradEnabled(): boolean {
  return enabled;
}

/** Switches gradient recording on or off (recorded into traced programs too). */
export function setGradEnabled(on: boolean): void {
  ops.set_grad_enabled(on);
  enabled = on;
}

/** Runs fn without recording gradients (inference, optimiser updates). */
export function noGrad<T>(fn: () => T): T {
  const previous = enabled;
  setGradEnabled(false);
  try {
    return fn();
  } finally {
    setGradEnabled(previous);
  }
}

/** Runs fn with gradients on, e.g. attribution inside an inference path. */
export function enableGrad<T>(fn: () => T): T {
  const previous = enabled;
  setGradEnabled(true);
  try {
    return fn();
  } finally {
    setGradEnabled(previous);
  }
}
