import type { OnlineDriftStep } from "@vigil/core/drift";
import { BlockWindow, type BlockWindowState } from "./block-window.ts";
import type { DriftBlock } from "./drift-block.ts";

/**
 * Latent-distribution drift: the random-feature MMD² between the embeddings of the last `windowBlocks`
 * blocks and the training reference, ‖mean φ(window) − mean φ(reference)‖², evaluated every block once
 * the window is full (−∞ before, so nothing alarms on a half-filled window).
 */
export class LatentDrift {
  readonly #reference: Float64Array;
  readonly #threshold: number;
  readonly #window: BlockWindow;

  constructor(reference: Float64Array, windowBlocks: number, threshold: number, state?: BlockWindowState) {
    this.#reference = reference;
    this.#threshold = threshold;
    this.#window =
      state === undefined ? new BlockWindow(reference.length + 1, windowBlocks) : BlockWindow.fromJSON(state);
  }

  observe(block: DriftBlock): OnlineDriftStep {
    this.#window.add(block.features);
    const sum = this.#window.sum;
    const count = sum[this.#reference.length]!;
    if (!this.#window.full || count === 0) return { drift: false, statistic: Number.NEGATIVE_INFINITY };
    let statistic = 0;
    for (let f = 0; f < this.#reference.length; f++)
      statistic += (sum[f]! / count - this.#reference[f]!) ** 2;
    return { drift: statistic > this.#threshold, statistic };
  }

  toJSON(): BlockWindowState {
    return this.#window.toJSON();
  }
}
