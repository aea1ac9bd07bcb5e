// The sites of the federated benchmark: N cryogenic-magnet sites from the simulator, each training on
// healthy history of one magnet and tested on another magnet of the same site that develops a fault.
import { lowerBound, type Series } from "@vigil/core/series";
import { simulateCryoFleet } from "@vigil/data/simulate";

export interface BenchSite {
  readonly name: string;
  /** Healthy operation of the site's magnet-2 (outages included, no fault). */
  readonly train: Series;
  /** The site's magnet-1 over the whole span: normal, then a fault [onset, failure), downtime, normal. */
  readonly test: Series;
  /** 1 on the fault period. */
  readonly labels: Uint8Array;
  /** 1 on the first half of the fault period, when its deviation is still small; 2 on the second half. */
  readonly stage: Uint8Array;
  /** 1 on the steps scored: not in an outage or downtime, nor within `windowLength` − 1 steps after one. */
  readonly scored: Uint8Array;
  readonly faultMode: string;
}

export interface BenchSiteOptions {
  readonly seed: number;
  readonly sites: number;
  readonly trainDays: number;
  readonly testDays: number;
  readonly baseSampleSeconds: number;
  readonly windowLength: number;
}

/**
 * The site's glitch filter: readings the simulator labels "glitch" (a spike or a zero on one channel)
 * become missing, as a plant's validity checks would make them. Zero readings of a 300 K channel are
 * hundreds of spreads away and would otherwise dominate any squared-error training loss.
 */
function withoutGlitches(series: Series): Series {
  const values = series.values.map((column) => Float64Array.from(column));
  const index = new Map(series.channels.map((c, i) => [c.name, i]));
  for (const label of series.labels ?? []) {
    if (label.type !== "glitch" || label.channel === undefined) continue;
    const row = lowerBound(series.timestamps, label.start);
    const column = values[index.get(label.channel)!];
    if (column !== undefined && row < series.timestamps.length) column[row] = Number.NaN;
  }
  return { ...series, values };
}

/** Steps whose window of `length` steps has no row with every channel missing (an outage or downtime). */
function scoredSteps(series: Series, length: number): Uint8Array {
  const out = new Uint8Array(series.timestamps.length);
  let lastBlank = -Infinity;
  for (let t = 0; t < out.length; t++) {
    if (series.values.every((column) => Number.isNaN(column[t]!))) lastBlank = t;
    out[t] = t - lastBlank >= length ? 1 : 0;
  }
  return out;
}

/**
 * Sites sample every base · 10^(k/(N−1)) s, so the last has a tenth of the first's data, and differ
 * in set-points and noise. Both fleets share the seed, hence the site profiles; training and test magnets
 * draw from different named streams, so test data is never a copy of training data. Fault modes go
 * round-robin over the sites' test magnets.
 */
export function cryoBenchSites(o: BenchSiteOptions): BenchSite[] {
  const common = { seed: o.seed, sites: o.sites, baseSampleSeconds: o.baseSampleSeconds };
  const healthy = simulateCryoFleet({ ...common, magnetsPerSite: 2, days: o.trainDays, faultsPerMagnet: 0 });
  const faulty = simulateCryoFleet({ ...common, magnetsPerSite: 1, days: o.testDays, faultsPerMagnet: 1 });
  return faulty.magnets.map((magnet, s) => {
    const fault = magnet.faults[0]!;
    const test = withoutGlitches(magnet.series);
    const labels = Uint8Array.from(test.timestamps, (t) =>
      t >= fault.onsetNs && t < fault.failureNs ? 1 : 0,
    );
    const middle = fault.onsetNs + (fault.failureNs - fault.onsetNs) / 2n;
    const stage = Uint8Array.from(test.timestamps, (t, i) => (labels[i] === 0 ? 0 : t < middle ? 1 : 2));
    return {
      name: magnet.site.name,
      train: withoutGlitches(healthy.magnets[2 * s + 1]!.series),
      test,
      labels,
      stage,
      scored: scoredSteps(test, o.windowLength),
      faultMode: fault.mode,
    };
  });
}
