import { VigilError } from "@vigil/core/errors";
import { type Series, sliceByTime } from "@vigil/core/series";
import { expectInteger, expectNumber, expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import { type CryoFleet, simulateCryoFleet } from "@vigil/data/simulate";
import mqtt from "mqtt";
import { startTrainJob } from "../jobs/index.ts";
import type { Service } from "../service.ts";

export interface FleetDemoOptions {
  /** First seed tried; the first seed from here whose every magnet has `normalDays` of normal operation is used. */
  seed: number;
  sites: number;
  magnetsPerSite: number;
  days: number;
  /** Sampling of the fastest site (the slowest samples 10× slower). */
  baseSampleSeconds: number;
  /** Normal operation each magnet needs before its fault, to learn from. */
  normalDays: number;
  /** Replay speed: simulated seconds per wall-clock second (3600: one hour per second). */
  speed: number;
  /** Replay steps per wall-clock second. */
  ticksPerSecond: number;
  /** Detector kind and its options for the models trained on the normal period. */
  detector: string;
  detectorConfig: Record<string, unknown>;
  log: (line: string) => void;
}

export const FLEET_DEMO_DEFAULTS: FleetDemoOptions = {
  // Seed 24 leaves every magnet of the default fleet 1.9 to 5.3 normal days before its fault.
  seed: 24,
  sites: 2,
  magnetsPerSite: 3,
  days: 10,
  baseSampleSeconds: 60,
  normalDays: 1.5,
  speed: 3600,
  ticksPerSecond: 10,
  detector: "vae",
  detectorConfig: { epochs: 8, windowLength: 32, trainStride: 4 },
  log: (line) => void process.stderr.write(`${line}\n`),
};

const HOUR_NS = 3_600_000_000_000n;
const later = (a: bigint, b: bigint): bigint => (a > b ? a : b);

export interface FleetDemo {
  /** Resolves when the replay has sent everything (or was stopped). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** Where each magnet's training ends: 12 h before its first fault, so no fault reaches the model. */
function trainEnds(fleet: CryoFleet): bigint[] {
  return fleet.magnets.map((m) => {
    const first = m.faults.reduce<bigint | undefined>(
      (a, f) => (a === undefined || f.onsetNs < a ? f.onsetNs : a),
      undefined,
    );
    return first === undefined ? m.series.timestamps.at(-1)! : first - 12n * HOUR_NS;
  });
}

async function simulate(o: FleetDemoOptions): Promise<{ fleet: CryoFleet; ends: bigint[] }> {
  for (let seed = o.seed; seed < o.seed + 100; seed++) {
    // Each simulation is synchronous work; yielding between them keeps the service responsive.
    await new Promise((resolve) => setImmediate(resolve));
    const fleet = simulateCryoFleet({
      seed,
      sites: o.sites,
      magnetsPerSite: o.magnetsPerSite,
      days: o.days,
      baseSampleSeconds: o.baseSampleSeconds,
    });
    const ends = trainEnds(fleet);
    const enough = fleet.magnets.every(
      (m, i) => Number(ends[i]! - m.series.timestamps[0]!) / (86_400 * 1e9) >= o.normalDays,
    );
    if (enough) return { fleet, ends };
  }
  throw new VigilError(
    "SERVE_DEMO_SEED",
    `No seed in [${o.seed}, ${o.seed + 100}) leaves ${o.normalDays} normal days`,
  );
}

/** Rows of a series in [from, to) as MQTT row objects; missing readings are left out. */
function rowsOf(series: Series, from: bigint, to: bigint): Record<string, number>[] {
  const part = sliceByTime(series, { from, to });
  return Array.from(part.timestamps, (t, i) => {
    const row: Record<string, number> = { t: Number(t / 1_000_000n) };
    for (const [c, info] of part.channels.entries()) {
      const v = part.values[c]![i]!;
      if (!Number.isNaN(v)) row[info.name] = v;
    }
    return row;
  }).filter((row) => Object.keys(row).length > 1);
}

/**
 * The first-start experience: simulates a small cryogenic-magnet fleet, stores each magnet's normal
 * period as history, trains a model per magnet on it (as train jobs, visible on the dashboard), then
 * replays the rest through MQTT in accelerated time, so faults develop, cross the threshold and open
 * events within about a minute. The replay publishes with QoS 1 and waits for the acknowledgements
 * of each step before the next, so it goes no faster than the service stores and scores.
 */
export function startFleetDemo(service: Service, options?: Partial<FleetDemoOptions>): FleetDemo {
  const o = withDefaults("fleet demo options", FLEET_DEMO_DEFAULTS, options);
  expectPositiveInteger("sites", o.sites);
  expectPositiveInteger("magnetsPerSite", o.magnetsPerSite);
  expectNumber("speed", o.speed, 1);
  expectInteger("ticksPerSecond", o.ticksPerSecond, 1, 100);
  let stopped = false;
  let client: mqtt.MqttClient | undefined;

  const run = async () => {
    const { fleet, ends } = await simulate(o);
    const { magnets } = fleet;
    o.log(
      `demo: simulated ${magnets.length} cryogenic magnets (seed ${fleet.options.seed}, ${o.days} days); ` +
        "storing their normal period and training a model per magnet",
    );
    for (const [i, m] of magnets.entries()) {
      await service.store.appendSeries(sliceByTime(m.series, { to: ends[i]! }));
    }
    await Promise.all(
      magnets.map((m, i) => {
        const asset = m.series.asset!;
        const job = startTrainJob(service, {
          asset,
          detector: o.detector,
          config: o.detectorConfig,
          to: ends[i]!,
          status: "active",
        });
        return waitForJob(service, job.id, () => stopped);
      }),
    );
    if (stopped) return;
    const start = ends.reduce((a, b) => (later(a, b) === a ? b : a));
    const end = magnets.reduce((a, m) => later(a, m.series.timestamps.at(-1)!), start);
    o.log(
      `demo: models active; replaying ${(Number(end - start) / 3.6e12).toFixed(0)} simulated hours through ` +
        `MQTT at ${o.speed / 3600} h per second`,
    );
    client = await mqtt.connectAsync(service.mqtt.url, {
      clientId: `vigil-demo-${process.pid}`,
      ...(service.config.mqtt.username === undefined
        ? {}
        : { username: service.config.mqtt.username, password: service.config.mqtt.password }),
    });
    const stepNs = BigInt(Math.round((o.speed / o.ticksPerSecond) * 1e9));
    const tickMs = 1000 / o.ticksPerSecond;
    for (let from = start; from <= end && !stopped; from += stepNs) {
      const began = performance.now();
      await Promise.all(
        magnets.map((m, i) => {
          const rows = rowsOf(m.series, later(from, ends[i]!), from + stepNs);
          if (rows.length === 0 || from + stepNs <= ends[i]!) return undefined;
          const { site, machine } = m.series.asset!;
          return client!.publishAsync(`vigil/${site}/${machine}`, JSON.stringify(rows), { qos: 1 });
        }),
      );
      const wait = tickMs - (performance.now() - began);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    if (!stopped) o.log("demo: replay finished");
  };

  const done = run()
    .catch((error: unknown) => {
      if (!stopped) o.log(`demo failed: ${(error as Error).message}`);
    })
    .finally(() => client?.end(true));
  return {
    done,
    async stop() {
      stopped = true;
      // A graceful end lets the step in flight get its acknowledgements, so the loop sees `stopped`.
      await client?.endAsync(false);
      await done;
    },
  };
}

/** Polls the job until it ends, or until the demo is stopped (the job itself then finishes alone). */
export async function waitForJob(
  service: Service,
  id: string,
  stopped: () => boolean = () => false,
): Promise<void> {
  while (!stopped()) {
    const job = service.jobs.get(id);
    if (job?.state === "done") return;
    if (job?.state === "failed") throw new VigilError("SERVE_DEMO_TRAIN", `training failed: ${job.message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
