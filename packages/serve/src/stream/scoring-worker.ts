// A scoring worker: loads detectors from the model registry by id and scores the batches the stream
// scorer sends, one request after another (a detector's score calls must not overlap, and one
// asset's requests must keep their order).
import { parentPort, workerData } from "node:worker_threads";
import { VigilError } from "@vigil/core/errors";
import { attributeEvent, type Detector, VaeDetector } from "@vigil/detect";
import { ModelRegistry } from "@vigil/detect/registry";
import {
  type AttributeReply,
  type AttributeRequest,
  buffersOf,
  type FromWorker,
  type ScoreReply,
  type ScoreRequest,
  type ToWorker,
  type WorkerConfig,
} from "./protocol.ts";

const config = (workerData as { data: WorkerConfig }).data;
const registry = new ModelRegistry({ dir: config.registryDir });
const detectors = new Map<string, Promise<Detector>>();

function detectorFor(model: string): Promise<Detector> {
  let loading = detectors.get(model);
  if (loading === undefined) {
    loading = registry.load(model).then((entry) => entry.detector);
    // A failed load is retried by the next request rather than remembered.
    loading.catch(() => detectors.delete(model));
    detectors.set(model, loading);
  }
  return loading;
}

async function score(request: ScoreRequest): Promise<ScoreReply> {
  try {
    const detector = await detectorFor(request.model);
    const result = await detector.score({
      channels: request.channels.map((name) => ({ name, kind: "other" as const })),
      timestamps: request.timestamps,
      values: request.values,
    });
    const from = result.score.length - request.newSteps;
    const components: Record<string, Float64Array> = {};
    for (const [name, column] of Object.entries(result.components)) components[name] = column.slice(from);
    return {
      id: request.id,
      ok: true,
      score: result.score.slice(from),
      components,
      contributions: result.channelContributions.map((c) => c.slice(from)),
      channels: result.channels,
      ...(result.latent === undefined ? {} : { latent: result.latent.map((z) => z.slice(from)) }),
    };
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      code: error instanceof VigilError ? error.code : "VIGIL_ERR_SCORING",
      message: (error as Error).message,
    };
  }
}

/** detect's attributeEvent needs a VAE-family detector; other detectors are explained by their contributions alone. */
async function attribute(request: AttributeRequest): Promise<AttributeReply> {
  try {
    const detector = await detectorFor(request.model);
    if (!(detector instanceof VaeDetector)) {
      return {
        id: request.id,
        ok: false,
        code: "VIGIL_ERR_NO_ATTRIBUTION",
        message: `${detector.kind} has no gradient attribution`,
      };
    }
    const a = await attributeEvent(
      detector,
      {
        channels: request.channels.map((name) => ({ name, kind: "other" as const })),
        timestamps: request.timestamps,
        values: request.values,
      },
      { start: request.start, end: request.end, threshold: request.threshold },
    );
    return {
      id: request.id,
      ok: true,
      attribution: {
        method: "vae-attribution",
        peak: { t: String(a.peak.timestamp), score: a.peak.score },
        channels: a.ranking.map((r) => ({
          channel: r.channel,
          errorShare: r.errorShare,
          integratedGradients: r.integratedGradients,
          gradientTimesInput: r.gradientTimesInput,
          decoderJacobianNorm: r.decoderJacobianNorm,
        })),
        completeness: a.completeness,
      },
    };
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      code: error instanceof VigilError ? error.code : "VIGIL_ERR_ATTRIBUTION",
      message: (error as Error).message,
    };
  }
}

let queue: Promise<void> = Promise.resolve();
parentPort!.on("message", (message: ToWorker) => {
  queue = queue.then(async () => {
    if (message.type === "evict") {
      const detector = await detectors.get(message.model)?.catch(() => undefined);
      detectors.delete(message.model);
      if (detector !== undefined && "dispose" in detector && typeof detector.dispose === "function")
        detector.dispose();
      return;
    }
    if (message.type === "attribute") {
      const reply: FromWorker = {
        type: "attributed",
        batch: message.batch,
        reply: await attribute(message.request),
      };
      parentPort!.postMessage(reply);
      return;
    }
    const replies: ScoreReply[] = [];
    for (const request of message.requests) replies.push(await score(request));
    const transfer = replies.flatMap((r) =>
      r.ok ? buffersOf([r.score, ...Object.values(r.components), ...r.contributions]) : [],
    );
    const reply: FromWorker = { type: "scored", batch: message.batch, replies };
    parentPort!.postMessage(reply, transfer);
  });
});
