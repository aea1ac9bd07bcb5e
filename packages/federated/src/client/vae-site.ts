import { VigilInputError } from "@vigil/core/errors";
import { createRng } from "@vigil/core/random";
import { type Series, sliceByIndex } from "@vigil/core/series";
import { expectInteger, expectNumber, expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import { VaeDetector, type VaeDetectorOptions } from "@vigil/detect/vae";
import { type CompressionOptions, DeltaCompressor } from "../compress/compress-tensors.ts";
import { subtractTensors } from "../update/delta.ts";
import { messageTensors } from "../update/message.ts";
import type { NamedTensor } from "../update/model-update.ts";
import { decodeMessage, encodeMessage } from "../update/wire-format.ts";
import type { FederatedClient, TrainRequest } from "./federated-client.ts";

export interface VaeSiteOptions {
  /** The site's name in messages and reports. */
  id: string;
  /** Options of the VAE; every site must give the same network shape (and seed) as the coordinator's model. */
  detector: Partial<VaeDetectorOptions>;
  /** Local epochs E over the site's windows per round. */
  localEpochs: number;
  /** Adam's learning rate in local training (the optimiser starts afresh each round). */
  learningRate: number;
  /** The received global model's loss is measured on the last this-many training steps (0: not measured). */
  evaluationSteps: number;
  /** How the delta travels back. */
  compression: Partial<CompressionOptions>;
  /** Seeds the stochastic rounding of compression. */
  seed: number;
}

export const VAE_SITE_DEFAULTS: VaeSiteOptions = {
  id: "site",
  detector: {},
  localEpochs: 1,
  learningRate: 1e-3,
  evaluationSteps: 512,
  compression: {},
  seed: 0,
};

/**
 * One site of federated VAE training. The network weights are global: each round the site loads the
 * received model, trains E local epochs on its own windows and returns weights − received as its delta,
 * with its window count as FedAvg weight. The normaliser (per-channel center and scale), the baseline
 * window and the error scales are the site's own, fitted once on its data and never sent: sites differ
 * in set-points and noise, and a shared network on locally normalised inputs is what lets them share a
 * model at all (personalisation by normalisation).
 *
 * Before its first round the site fits its detector once on its data (one epoch) to set these local
 * parts; the weights of that fit are replaced by the global model before any training that counts.
 */
export class VaeSite implements FederatedClient {
  readonly id: string;
  readonly options: VaeSiteOptions;
  readonly detector: VaeDetector;
  readonly #train: Series;
  readonly #compressor: DeltaCompressor;
  #prepared: Promise<unknown> | undefined;
  /** Train calls run one after another, even when a timed-out round's call is still running. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(train: Series, options?: Partial<VaeSiteOptions>) {
    const o = withDefaults("VaeSite options", VAE_SITE_DEFAULTS, options);
    expectPositiveInteger("localEpochs", o.localEpochs);
    expectNumber("learningRate", o.learningRate, Number.MIN_VALUE);
    expectInteger("evaluationSteps", o.evaluationSteps, 0);
    this.options = o;
    this.id = o.id;
    this.#train = train;
    this.detector = new VaeDetector({
      ...o.detector,
      epochs: 1,
      validationFraction: 0,
      updateEpochs: o.localEpochs,
      updateLearningRate: o.learningRate,
    });
    this.#compressor = new DeltaCompressor(createRng(o.seed), o.compression);
  }

  /** Training windows of the site's series: its FedAvg weight n_k. */
  get sampleCount(): number {
    const d = this.detector.options;
    const steps = this.#train.timestamps.length;
    const span = d.windowLength + d.forecastHorizon;
    return steps < span ? 0 : Math.floor((steps - span) / d.trainStride) + 1;
  }

  train(request: TrainRequest): Promise<Uint8Array> {
    const run = this.#queue.then(() => this.#round(request));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #round(request: TrainRequest): Promise<Uint8Array> {
    const message = decodeMessage(request.model, { source: `global model received by ${this.id}` });
    if (message.kind !== "global") {
      throw new VigilInputError(`expected a "global" message but received "${message.kind}"`, {
        source: `global model received by ${this.id}`,
        column: "kind",
      });
    }
    const global = messageTensors(message);
    await this.adopt(global);
    const loss = await this.#loss();
    await this.detector.update(this.#train);
    const delta = subtractTensors(this.detector.networkWeights(), global);
    return encodeMessage({
      kind: "update",
      sender: this.id,
      round: message.round,
      sampleCount: this.sampleCount,
      loss,
      tensors: this.#compressor.compress(delta),
    });
  }

  /** Loads a global model into the site's detector (after its one-off local fit), e.g. to score with it. */
  async adopt(global: readonly NamedTensor[]): Promise<void> {
    // A failed local fit is retried on the next call rather than remembered.
    this.#prepared ??= this.detector.fit(this.#train).catch((error: unknown) => {
      this.#prepared = undefined;
      throw error;
    });
    await this.#prepared;
    await this.detector.loadNetworkWeights(global);
  }

  /** Mean reconstruction error of the loaded model on the last `evaluationSteps` training steps. */
  async #loss(): Promise<number> {
    const steps = this.#train.timestamps.length;
    if (this.options.evaluationSteps === 0) return Number.NaN;
    const part = sliceByIndex(this.#train, Math.max(0, steps - this.options.evaluationSteps));
    const scored = await this.detector.score(part);
    const finite = (scored.components.reconstruction ?? new Float64Array()).filter(Number.isFinite);
    return finite.length === 0 ? Number.NaN : finite.reduce((a, b) => a + b, 0) / finite.length;
  }

  /** L2 norm of change that top-k compression has not sent yet. */
  pendingNorm(): number {
    return this.#compressor.pendingNorm();
  }

  dispose(): void {
    this.detector.dispose();
  }
}
