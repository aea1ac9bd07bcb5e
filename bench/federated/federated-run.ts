// One federated row of the benchmark: fresh sites, R rounds, then every site scores its test magnet
// with the final global model and its own normaliser.

import { VaeDetector, type VaeDetectorOptions } from "@vigil/detect/vae";
import { type FederatedClient, ScaledUpdateClient, VaeSite } from "@vigil/federated/client";
import type { CompressionOptions } from "@vigil/federated/compress";
import {
  Coordinator,
  type CoordinatorOptions,
  formatRoundReport,
  type RoundReport,
} from "@vigil/federated/coordinator";
import type { BenchSite } from "./cryo-sites.ts";
import { type DetectionQuality, detectionQuality } from "./detection-quality.ts";

export interface FederatedRun {
  readonly name: string;
  readonly coordinator?: Partial<CoordinatorOptions>;
  readonly compression?: Partial<CompressionOptions>;
  /** Site 0 (the largest) sends −10 × its honest delta. */
  readonly byzantine?: boolean;
}

export interface FederatedSetup {
  readonly sites: readonly BenchSite[];
  readonly detector: Partial<VaeDetectorOptions>;
  readonly rounds: number;
  readonly localEpochs: number;
  readonly learningRate: number;
  readonly seed: number;
  readonly log: (line: string) => void;
}

export async function runFederated(
  run: FederatedRun,
  setup: FederatedSetup,
): Promise<{ quality: DetectionQuality[]; reports: RoundReport[] }> {
  const honest = setup.sites.map(
    (s, i) =>
      new VaeSite(s.train, {
        id: s.name,
        detector: setup.detector,
        localEpochs: setup.localEpochs,
        learningRate: setup.learningRate,
        compression: run.compression ?? {},
        seed: setup.seed * 1000 + i,
      }),
  );
  const clients: FederatedClient[] = honest.map((site, i) =>
    run.byzantine && i === 0 ? new ScaledUpdateClient(site, -10) : site,
  );
  const channels = setup.sites[0]!.train.channels.length;
  const coordinator = new Coordinator(clients, VaeDetector.initialNetworkWeights(setup.detector, channels), {
    seed: setup.seed,
    ...run.coordinator,
  });
  const reports: RoundReport[] = [];
  for (let r = 0; r < setup.rounds; r++) {
    reports.push(await coordinator.runRound());
    setup.log(`${run.name}: ${formatRoundReport(reports.at(-1)!)}`);
  }
  const global = coordinator.model;
  const quality: DetectionQuality[] = [];
  for (const [i, s] of setup.sites.entries()) {
    await honest[i]!.adopt(global);
    quality.push(await detectionQuality(honest[i]!.detector, s));
    honest[i]!.dispose();
  }
  return { quality, reports };
}
