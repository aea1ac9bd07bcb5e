// The non-federated rows of the benchmark: the untrained network, centralised and local-only training.
import { applyNormalizer, fitNormalizer } from "@vigil/core/normalize";
import { VaeDetector, type VaeDetectorOptions } from "@vigil/detect/vae";
import { VaeSite } from "@vigil/federated/client";
import type { BenchSite } from "./cryo-sites.ts";
import { type DetectionQuality, detectionQuality } from "./detection-quality.ts";
import { poolSeries } from "./pooled.ts";

/** The seeded initial network with each site's own normaliser: what any training must beat. */
export async function untrainedQuality(
  sites: readonly BenchSite[],
  detector: Partial<VaeDetectorOptions>,
): Promise<DetectionQuality[]> {
  const initial = VaeDetector.initialNetworkWeights(detector, sites[0]!.train.channels.length);
  const quality: DetectionQuality[] = [];
  for (const s of sites) {
    const site = new VaeSite(s.train, { id: s.name, detector });
    await site.adopt(initial);
    quality.push(await detectionQuality(site.detector, s));
    site.dispose();
  }
  return quality;
}

/**
 * One network on every site's data, each site normalised by its own robust statistics first (as the
 * federated sites do), so the comparison isolates where the data lives.
 */
export async function centralisedQuality(
  sites: readonly BenchSite[],
  detector: Partial<VaeDetectorOptions>,
): Promise<DetectionQuality[]> {
  const normalizers = sites.map((s) => fitNormalizer(s.train, { kind: "robust" }));
  const central = new VaeDetector({ ...detector, validationFraction: 0 });
  await central.fit(poolSeries(sites.map((s, i) => applyNormalizer(normalizers[i]!, s.train))));
  const quality: DetectionQuality[] = [];
  for (const [i, s] of sites.entries()) {
    quality.push(await detectionQuality(central, s, applyNormalizer(normalizers[i]!, s.test)));
  }
  central.dispose();
  return quality;
}

/** Each site trains alone on its own data. */
export async function localOnlyQuality(
  sites: readonly BenchSite[],
  detector: Partial<VaeDetectorOptions>,
): Promise<DetectionQuality[]> {
  const quality: DetectionQuality[] = [];
  for (const s of sites) {
    const local = new VaeDetector({ ...detector, validationFraction: 0 });
    await local.fit(s.train);
    quality.push(await detectionQuality(local, s));
    local.dispose();
  }
  return quality;
}
