// The federated row of the SKAB benchmark: one VaeSite per experiment on its 400 training rows, FedAvg by
// the Coordinator, then each site's detector holds the final global network and its own local parts.
import { VigilError } from "@vigil/core/errors";
import type { SkabExperiment } from "@vigil/data/datasets";
import { VaeDetector } from "@vigil/detect/vae";
import { VaeSite } from "@vigil/federated/client";
import { Coordinator, formatRoundReport, type RoundReport } from "@vigil/federated/coordinator";
import type { FederatedSetup } from "./federated-run.ts";
import { TrainedDetector } from "./skab-trained-detector.ts";

/** The federated bench's setup without its simulated sites: the SKAB files take their place. */
export type SkabFederatedSetup = Omit<FederatedSetup, "sites">;

export interface SkabFederatedResult {
  /** One per experiment, in order: the site's detector with the final global network. */
  readonly detectors: TrainedDetector[];
  readonly reports: RoundReport[];
  /** Wall time of the rounds, the sites' one-off local fits (normalisers) included. */
  readonly trainSeconds: number;
}

/**
 * One site per experiment; only weight deltas and window counts reach the coordinator. A site's test part
 * never enters training: it is scored afterwards by the site itself.
 */
export async function federatedSkab(
  experiments: readonly SkabExperiment[],
  setup: SkabFederatedSetup,
): Promise<SkabFederatedResult> {
  const sites = experiments.map(
    (e) =>
      new VaeSite(e.train.series, {
        id: e.name,
        detector: setup.detector,
        localEpochs: setup.localEpochs,
        learningRate: setup.learningRate,
      }),
  );
  const channels = experiments[0]!.train.series.channels.length;
  const coordinator = new Coordinator(sites, VaeDetector.initialNetworkWeights(setup.detector, channels), {
    seed: setup.seed,
    // A site left out of a round on a busy machine would change the method, not just its time.
    roundTimeoutMs: 30 * 60_000,
  });
  const started = performance.now();
  const reports: RoundReport[] = [];
  for (let r = 0; r < setup.rounds; r++) {
    const report = await coordinator.runRound();
    reports.push(report);
    setup.log(`federated: ${formatRoundReport(report)}`);
    if (report.used.length !== sites.length) {
      // A round without every site would be a different method; say why rather than report its numbers.
      const problems = [...report.rejected, ...report.failed].map((x) => `${x.client}: ${x.reason}`);
      throw new VigilError(
        "VIGIL_BENCH_ROUND_INCOMPLETE",
        `federated round ${report.round} used ${report.used.length} of ${sites.length} sites (${[...problems, ...report.timedOut.map((id) => `${id}: timed out`)].join("; ")})`,
      );
    }
  }
  const trainSeconds = (performance.now() - started) / 1000;
  const global = coordinator.model;
  const detectors: TrainedDetector[] = [];
  for (const [i, site] of sites.entries()) {
    await site.adopt(global);
    detectors.push(
      new TrainedDetector(site.detector, experiments[i]!.train.series, { release: () => site.dispose() }),
    );
  }
  return { detectors, reports, trainSeconds };
}
