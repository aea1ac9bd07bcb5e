import { noGrad, Program, type Tensor } from "@vigil/torch";
import type { VaeModel } from "./vae-model.ts";
import type { VaeDetectorOptions } from "./vae-options.ts";
import { windowTerms } from "./vae-terms.ts";

/** A score call needs two batch sizes (full chunks and the remainder); a few more cover repeated streaming calls. */
const CACHED_SHAPES = 4;

/**
 * Inference traced once per batch size and replayed with `runAsync` on a worker thread, so the event
 * loop stays free while a long series is scored. The programs share the model's parameters, so
 * in-place training (update()) is seen by them. Replays of one program must not overlap: the
 * detector runs its score calls one at a time.
 */
export class ScoringPrograms {
  readonly #programs = new Map<number, Program>();

  constructor(
    private readonly model: VaeModel,
    private readonly o: VaeDetectorOptions,
  ) {}

  /**
   * Windows [B, C, L] → [latent code [B, Z] (μ for a VAE), per-channel error [B, C]], then kl [B] for a
   * variational model, then the forecast [B, C, H] with a forecasting head.
   */
  run(windows: Tensor): Promise<Tensor[]> {
    const batch = windows.size(0);
    let program = this.#programs.get(batch);
    if (program === undefined) {
      const oldest = this.#programs.keys().next();
      if (this.#programs.size >= CACHED_SHAPES && !oldest.done) {
        this.#programs.get(oldest.value)?.dispose();
        this.#programs.delete(oldest.value);
      }
      program = noGrad(() =>
        Program.trace(
          (x) => {
            const { byChannel, kl, z } = windowTerms(this.model, this.o, x);
            const forecast = this.model.predict(z);
            return [z, byChannel, kl, forecast].filter((t) => t !== undefined);
          },
          [windows],
        ),
      );
      this.#programs.set(batch, program);
    }
    return program.runAsync([windows]);
  }

  dispose(): void {
    for (const program of this.#programs.values()) program.dispose();
    this.#programs.clear();
  }
}
