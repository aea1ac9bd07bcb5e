import { VigilError } from "@vigil/core/errors";

/** libtorch rejected an operation (shape mismatch, bad dtype...); the message is libtorch's own. */
export class TorchError extends VigilError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("VIGIL_TORCH_ERROR", message, options);
    this.name = "TorchError";
  }
}

/** A JavaScript argument of the wrong kind reached the engine. */
export class TorchArgumentError extends TypeError {
  readonly code = "VIGIL_TORCH_ARGUMENT";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TorchArgumentError";
  }
}

/** A tensor, module or program was used after dispose(). */
export class DisposedError extends VigilError {
  constructor(what: string) {
    super("VIGIL_TORCH_DISPOSED", `${what} already disposed`);
    this.name = "DisposedError";
  }
}

/** Maps an error thrown by the native binding onto the typed classes above. */
export function toTypedError(error: unknown): unknown {
  const e = error as { code?: string; message?: string };
  if (e?.code === "VIGIL_TORCH_ERROR") return new TorchError(e.message ?? "libtorch error", { cause: error });
  if (e?.code === "VIGIL_TORCH_ARGUMENT") {
    if (e.message?.includes("already disposed")) return new DisposedError("tensor");
    return new TorchArgumentError(e.message ?? "bad argument", { cause: error });
  }
  return error;
}
