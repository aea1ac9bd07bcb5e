import { applyNormalizer, fitNormalizer } from "@vigil/core/normalize";
import type { SkabExperiment } from "@vigil/data/datasets";
import { createDetector } from "@vigil/detect/catalog";
import type { VaeDetectorOptions } from "@vigil/detect/vae";
import { poolSeries } from "./pooled.ts";
import { TrainedDetector } from "./skab-trained-detector.ts";

export interface SkabCentralisedResult {
  /** One per experiment, in order: the shared network behind that file's normaliser. */
  readonly detectors: TrainedDetector[];
  /** Frees the shared network (after every file is scored). */
  readonly dispose: () => void;
  readonly trainSeconds: number;
}

/**
 * One network on the training parts of every file end to end, each normalised first by its own robust
 * statistics (as each federated site normalises its own data), so that against the federated row only
 * where the data lives differs. Windows that straddle two files are part of the pooled training set.
 */
export async function centralisedSkab(
  experiments: readonly SkabExperiment[],
  detector: Partial<VaeDetectorOptions>,
): Promise<SkabCentralisedResult> {
  const normalizers = experiments.map((e) => fitNormalizer(e.train.series, { kind: "robust" }));
  const central = createDetector("vae", detector);
  const fit = await central.fit(
    poolSeries(experiments.map((e, i) => applyNormalizer(normalizers[i]!, e.train.series))),
  );
  return {
    detectors: experiments.map(
      (e, i) =>
        new TrainedDetector(central, e.train.series, {
          prepare: (series) => applyNormalizer(normalizers[i]!, series),
        }),
    ),
    // createDetector("vae") builds a VaeDetector, which holds native memory until disposed.
    dispose: () => (central as { dispose?: () => void }).dispose?.(),
    trainSeconds: fit.seconds,
  };
}
