import { type OnlineDriftStep, PageHinkley, type PageHinkleyState } from "@vigil/core/drift";
import type { DriftBlock } from "./drift-block.ts";

/**
 * Score drift: Page-Hinkley on each block's mean calibrated score, looking for a rise (a model that
 * gradually stops fitting the data scores higher everywhere, long before single steps cross the
 * anomaly threshold). Block means, not steps, so the detector's ERT simulation stays short and the
 * scores' autocorrelation within a block is carried by resampling whole blocks.
 */
export class ScoreDrift {
  readonly #ph: PageHinkley;

  constructor(options: { delta: number; threshold: number; minInstances: number }, state?: PageHinkleyState) {
    this.#ph =
      state === undefined
        ? new PageHinkley({ ...options, direction: "up" })
        : PageHinkley.fromJSON({ ...state, options: { ...state.options, threshold: options.threshold } });
  }

  observe(block: DriftBlock): OnlineDriftStep {
    return this.#ph.step(block.score);
  }

  toJSON(): PageHinkleyState {
    return this.#ph.toJSON();
  }
}
