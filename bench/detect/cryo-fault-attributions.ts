// The protocol both root-cause benchmarks share (bench/detect/cryo-root-cause.ts and
// bench/causal/root-cause-vae.ts): per fault mode, the first `seeds` simulated single-magnet records
// with at least a day and a half of normal operation; a VAE trained on the normal period (up to 12 h
// before onset) scores the whole record and attributes the fault period [onset, failure).
import { lowerBound, type Series, sliceByTime } from "@vigil/core/series";
import { CRYO_FAULT_MODES, type CryoFleet, simulateCryoFleet } from "@vigil/data/simulate";
import { attributeEvent, type EventAttribution } from "@vigil/detect/attribution";
import { VaeDetector } from "@vigil/detect/vae";

const HOUR = 3_600_000_000_000n;

export interface CryoFaultAttribution {
  readonly mode: string;
  readonly seed: number;
  readonly fleet: CryoFleet;
  readonly series: Series;
  readonly rootCause: string;
  readonly explanation: EventAttribution;
}

export async function* cryoFaultAttributions(options: {
  seeds: number;
  epochs: number;
}): AsyncGenerator<CryoFaultAttribution> {
  for (const mode of CRYO_FAULT_MODES) {
    let seed = 0;
    for (let found = 0; found < options.seeds; ) {
      seed++;
      const fleet = simulateCryoFleet({
        seed,
        sites: 1,
        magnetsPerSite: 1,
        days: 10,
        baseSampleSeconds: 60,
        faultModes: [mode],
      });
      const magnet = fleet.magnets[0];
      const fault = magnet?.faults[0];
      if (magnet === undefined || fault === undefined) continue;
      const series = magnet.series;
      if (fault.onsetNs - series.timestamps[0]! < 36n * HOUR) continue;
      found++;
      const detector = new VaeDetector({ epochs: options.epochs, windowLength: 32, trainStride: 4, seed });
      try {
        await detector.fit(sliceByTime(series, { to: fault.onsetNs - 12n * HOUR }));
        const scores = await detector.score(series);
        const explanation = await attributeEvent(detector, series, {
          start: lowerBound(series.timestamps, fault.onsetNs),
          end: lowerBound(series.timestamps, fault.failureNs),
          threshold: Number.POSITIVE_INFINITY,
          scores,
          integratedSteps: 8,
        });
        yield { mode, seed, fleet, series, rootCause: fault.rootCause, explanation };
      } finally {
        detector.dispose();
      }
    }
  }
}
