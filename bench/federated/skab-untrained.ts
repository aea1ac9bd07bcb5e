import type { SkabExperiment } from "@vigil/data/datasets";
import { VaeDetector, type VaeDetectorOptions } from "@vigil/detect/vae";
import { VaeSite } from "@vigil/federated/client";
import { TrainedDetector } from "./skab-trained-detector.ts";

/**
 * The reference any training must beat: the seeded initial network (the federated run's round-0 global
 * model) with each file's own normaliser, fitted on its training part as a VaeSite fits it.
 */
export async function untrainedSkab(
  experiments: readonly SkabExperiment[],
  detector: Partial<VaeDetectorOptions>,
): Promise<TrainedDetector[]> {
  const channels = experiments[0]!.train.series.channels.length;
  const initial = VaeDetector.initialNetworkWeights(detector, channels);
  const detectors: TrainedDetector[] = [];
  for (const e of experiments) {
    const site = new VaeSite(e.train.series, { id: e.name, detector });
    await site.adopt(initial);
    detectors.push(new TrainedDetector(site.detector, e.train.series, { release: () => site.dispose() }));
  }
  return detectors;
}
