import type { AssetRef } from "@vigil/core/series";
import { type FleetDemo, type FleetDemoOptions, loadDataAndTrain, startFleetDemo } from "./demo/index.ts";
import { createService, type Service, type ServiceOptions } from "./service.ts";

export interface StartServiceOptions extends ServiceOptions {
  /**
   * The first-start demo: on an empty workspace (no assets, no models) simulate a fleet, train and
   * replay it. true (default) with the demo's defaults, false never, or the demo's options.
   */
  demo?: boolean | Partial<FleetDemoOptions>;
  /** A file of real readings to store and train on instead of the demo. */
  data?: string;
  /** The asset the file's readings belong to (default: site "data", machine from the file name). */
  dataAsset?: AssetRef;
  /** Detector kind trained on --data (default "vae"). */
  detector?: string;
  /** Close cleanly on SIGINT / SIGTERM (default true; a second signal exits at once). */
  handleSignals?: boolean;
}

export interface StartedService extends Service {
  /** The demo, when this start runs one. */
  readonly demo: FleetDemo | undefined;
}

/**
 * What `vigil serve` and `npm start` run: createService, then real data or the first-start demo,
 * the URLs on the log, and a clean shutdown on signals (demo → MQTT → HTTP → ingest → scorer → store).
 */
export async function startService(options: StartServiceOptions = {}): Promise<StartedService> {
  const {
    demo: demoOption = true,
    data,
    dataAsset,
    detector = "vae",
    handleSignals = true,
    ...serviceOptions
  } = options;
  const log = serviceOptions.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const service = await createService({ ...serviceOptions, log });
  let demo: FleetDemo | undefined;
  try {
    log(
      `Vigil ${service.url}/  (dashboard)  ${service.url}/docs  (API)  ${service.mqtt.url}  (MQTT, ${service.mqtt.broker})`,
    );
    log(`workspace ${service.config.home}`);
    if (data !== undefined) {
      await loadDataAndTrain(service, { file: data, asset: dataAsset, detector, log });
    } else if (demoOption !== false) {
      const empty =
        (await service.store.listAssets()).length === 0 && (await service.registry.list()).length === 0;
      if (empty) {
        demo = startFleetDemo(service, { log, ...(demoOption === true ? {} : demoOption) });
        log(`demo: open ${service.url}/ to watch the fleet; events appear within about a minute`);
      }
    }
  } catch (error) {
    await service.close();
    throw error;
  }
  const close = async () => {
    await demo?.stop();
    await service.close();
  };
  if (handleSignals) {
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (signalled) process.exit(1);
      signalled = true;
      log(`${signal}: stopping (again to force)`);
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          log(`shutdown failed: ${(error as Error).message}`);
          process.exit(1);
        },
      );
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }
  return { ...service, demo, close };
}
