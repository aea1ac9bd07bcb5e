import type { VaeDetectorOptions } from "@vigil/detect/vae";
import { syntheticSeries } from "../baselines/synthetic.ts";

/** Four independent noisy periodic channels; the test series has channel "c" offset on [500, 530). */
export const train = syntheticSeries(2000, 1, { coupled: false, anomaly: false });
export const test_ = syntheticSeries(1000, 2, { coupled: false, anomaly: true });

/** Small enough to train in about a second on one core, yet to detect and localise the offset. */
export const TINY: Partial<VaeDetectorOptions> = { windowLength: 32, hidden: 16, epochs: 8, trainStride: 2 };
