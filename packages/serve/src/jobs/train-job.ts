import type { AssetRef } from "@vigil/core/series";
import type { Store } from "@vigil/data/store";
import type { ModelRegistry } from "@vigil/detect/registry";
import type { Job } from "../api/contract.ts";
import { trainModel } from "../models/index.ts";
import type { StreamScorer } from "../stream/types.ts";
import type { JobManager } from "./job-manager.ts";

export interface TrainJobDeps {
  readonly jobs: JobManager;
  readonly store: Store;
  readonly registry: ModelRegistry;
  readonly scorer: StreamScorer;
}

export interface TrainJobRequest {
  readonly asset: AssetRef;
  readonly detector: string;
  readonly config?: Record<string, unknown>;
  /** The normal period, ns. */
  readonly from?: bigint;
  readonly to?: bigint;
  /** Default "auto": active when it is the asset's first model, else shadow. */
  readonly status?: "auto" | "active" | "shadow";
}

/**
 * Queues a train job (the API's POST /api/models/train, the demo, --data): trains on the asset's
 * normal data, and when the new model is active, has the scorer load it. `onTrained` runs after,
 * with the model id (the API announces it on the live socket).
 */
export function startTrainJob(
  deps: TrainJobDeps,
  request: TrainJobRequest,
  onTrained?: (id: string) => Promise<void>,
): Job {
  const { asset } = request;
  const name = `${asset.site}/${asset.machine}`;
  return deps.jobs.start("train", async ({ progress }) => {
    const trained = await trainModel({
      store: deps.store,
      registry: deps.registry,
      asset,
      detector: request.detector,
      config: { ...request.config },
      from: request.from,
      to: request.to,
      status: request.status ?? "auto",
      onProgress: (p) => progress(p.progress, `${name}: ${p.message}`),
    });
    if (trained.status === "active") await deps.scorer.reloadModel(asset);
    await onTrained?.(trained.id);
    return { model: trained.id, message: `${name}: model ${trained.id} (${trained.status})` };
  });
}
