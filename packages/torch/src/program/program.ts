import { VigilError } from "@vigil/core/errors";
import type { ProgramHandle, ProgramInfo } from "@vigil/torch-native";
import { toTypedError } from "../runtime/errors.ts";
import { native } from "../runtime/native.ts";
import { tidy } from "../tensor/scope.ts";
import { type Tensor, wrapAll } from "../tensor/tensor.ts";

/**
 * A recorded sequence of engine ops (like torch.jit.trace): `fn` runs once on example inputs
 * while every op is recorded; run()/runAsync() replay it natively on new inputs of the same shapes
 * and dtypes, without crossing into JavaScript per op. runAsync() executes on the libuv thread pool,
 * so the event loop stays free during a training step or a forward pass.
 *
 * Rules for traced functions: fixed control flow (no branching on tensor values); no reading tensor
 * data into JS (item/toArray throw); tensors captured from outside (parameters, optimiser state)
 * are shared, so in-place updates to them persist across replays, as a training step needs.
 */
export class Program {
  #handle: ProgramHandle | undefined;
  readonly info: ProgramInfo;

  private constructor(handle: ProgramHandle) {
    this.#handle = handle;
    this.info = native.programInfo(handle);
  }

  static trace(fn: (...inputs: Tensor[]) => Tensor | Tensor[], exampleInputs: readonly Tensor[]): Program {
    const handle = native.traceBegin(exampleInputs.map((t) => t.handle));
    try {
      tidy(() => {
        const out = fn(...exampleInputs);
        const outputs = Array.isArray(out) ? out : [out];
        native.traceEnd(
          handle,
          outputs.map((t) => t.handle),
        );
      });
    } catch (error) {
      try {
        native.traceEnd(handle, null);
      } catch {
        // the trace already ended; the original error is the one to report
      }
      throw error;
    }
    return new Program(handle);
  }

  get #live(): ProgramHandle {
    if (this.#handle === undefined) throw new VigilError("VIGIL_TORCH_DISPOSED", "program already disposed");
    return this.#handle;
  }

  /** Replays synchronously; returns new tensors (tracked by the current tidy scope). */
  run(inputs: readonly Tensor[]): Tensor[] {
    return wrapAll(
      native.programRun(
        this.#live,
        inputs.map((t) => t.handle),
      ),
    );
  }

  /** Replays on a worker thread; inputs and the program stay pinned until it settles. */
  async runAsync(inputs: readonly Tensor[]): Promise<Tensor[]> {
    try {
      return wrapAll(
        await native.programRunAsync(
          this.#live,
          inputs.map((t) => t.handle),
        ),
      );
    } catch (error) {
      throw toTypedError(error);
    }
  }

  dispose(): void {
    if (this.#handle !== undefined) native.programDispose(this.#handle);
    this.#handle = undefined;
  }
}
