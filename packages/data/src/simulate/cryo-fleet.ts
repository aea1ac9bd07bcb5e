import { createRng, hashSeed } from "@vigil/core/random";
import { cryoDag, type DagEdge } from "./cryo-dag.ts";
import { type CryoMagnet, simulateCryoMagnet } from "./cryo-magnet.ts";
import { type CryoFleetOptions, cryoFleetOptions } from "./cryo-options.ts";
import { scheduleFaults } from "./cryo-schedule.ts";
import { cryoSiteProfile } from "./cryo-sites.ts";

export interface CryoFleet {
  readonly options: CryoFleetOptions;
  /** Site by site, magnet by magnet. */
  readonly magnets: readonly CryoMagnet[];
  /** The ground-truth causal graph of every magnet's channels. */
  readonly dag: readonly DagEdge[];
}

/**
 * Simulates N sites × M cryogenic magnets (the CryoGuard setting) from the structural causal model in
 * cryo-scm.ts. Faults (cold-head wear, compressor degradation, cooling-water failure, vacuum
 * degradation) perturb their root-cause channel's equation; the descendants follow through the SCM's
 * mechanisms and lags. Sites differ in set-points, noise, sampling rate (data volumes span 10×),
 * missing readings, outages and glitches — all labelled. See docs/simulators.md.
 *
 * Deterministic for a seed: each site and each magnet draws from its own named stream of the seed.
 */
export function simulateCryoFleet(
  options?: Partial<CryoFleetOptions>,
  onMagnet?: (done: number, total: number) => void,
): CryoFleet {
  const o = cryoFleetOptions(options);
  const spanSeconds = o.days * 86_400;
  const total = o.sites * o.magnetsPerSite;
  const magnets: CryoMagnet[] = [];
  for (let s = 0; s < o.sites; s++) {
    const site = cryoSiteProfile(o.seed, s, o.sites, o.baseSampleSeconds);
    for (let m = 0; m < o.magnetsPerSite; m++) {
      const index = s * o.magnetsPerSite + m;
      const rng = createRng(hashSeed(o.seed, `site ${s} magnet ${m}`));
      const modes = Array.from(
        { length: o.faultsPerMagnet },
        (_, k) => o.faultModes[(index * o.faultsPerMagnet + k) % o.faultModes.length]!,
      );
      const plan = {
        site,
        machine: `magnet-${m + 1}`,
        startNs: o.startNs,
        rows: Math.floor(spanSeconds / site.sampleSeconds),
        faults: scheduleFaults(rng, modes, spanSeconds, o.downtimeHours * 3600),
        downtimeSeconds: o.downtimeHours * 3600,
      };
      magnets.push(simulateCryoMagnet(rng, plan));
      onMagnet?.(index + 1, total);
    }
  }
  return { options: o, magnets, dag: cryoDag() };
}
