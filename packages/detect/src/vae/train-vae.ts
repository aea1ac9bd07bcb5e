import {
  Adam,
  type Generator,
  keep,
  noGrad,
  Program,
  randperm,
  scalar,
  type Tensor,
  type TensorLike,
  tidy,
} from "@vigil/torch";
import type { FitProgress } from "../detector/types.ts";
import type { VaeModel } from "./vae-model.ts";
import type { VaeDetectorOptions } from "./vae-options.ts";
import { forecastError, klDivergence, reconstructionError } from "./vae-terms.ts";

export interface TrainRun {
  /** Training windows [N, C, L + H] (input then forecast target). */
  readonly train: Tensor;
  /** Validation windows of the same layout; without them every epoch runs and the last weights stay. */
  readonly validation: Tensor | undefined;
  readonly epochs: number;
  readonly learningRate: number;
  /** Epoch index at which β reaches its full value (0: from the start). */
  readonly betaWarmupEpochs: number;
  readonly generator: Generator;
  readonly onProgress: ((p: FitProgress) => void) | undefined;
}

export interface TrainResult {
  readonly epochs: number;
  readonly trainLoss: number;
  readonly validationLoss: number | undefined;
}

/**
 * The training objective per window element: reconstruction error + β·KL/(C·L) + weighted forecast
 * error, i.e. the negative ELBO divided by the window's size, so the learning rate does not depend
 * on C and L.
 */
function loss(
  model: VaeModel,
  o: VaeDetectorOptions,
  windows: Tensor,
  beta: TensorLike,
  generator?: Generator,
): Tensor {
  const input = windows.narrow(2, 0, o.windowLength);
  const out = model.forward(input, generator);
  let total = reconstructionError(o.reconstructionLoss, out.recon, input, out.reconLogvar).mean();
  if (out.logvar !== undefined) {
    total = total.add(
      klDivergence(out.mu, out.logvar)
        .mean()
        .mul(beta)
        .div(model.channels * o.windowLength),
    );
  }
  if (out.forecast !== undefined) {
    const target = windows.narrow(2, o.windowLength, o.forecastHorizon);
    total = total.add(forecastError(o.reconstructionLoss, out.forecast, target).mean().mul(o.forecastWeight));
  }
  return total;
}

/** Mean validation loss at full β with z = μ, in batches, without gradients. */
function evaluate(model: VaeModel, o: VaeDetectorOptions, windows: Tensor): number {
  const n = windows.size(0);
  let sum = 0;
  for (let start = 0; start < n; start += o.scoreBatchSize) {
    const size = Math.min(o.scoreBatchSize, n - start);
    sum += noGrad(() => tidy(() => loss(model, o, windows.narrow(0, start, size), o.beta).item())) * size;
  }
  return sum / n;
}

const snapshot = (model: VaeModel) => noGrad(() => [...model.stateDict()].map(([, t]) => keep(t.clone())));

/**
 * One optimiser step per full batch, traced on the first and replayed with runAsync on a worker
 * thread, so the event loop stays free while training; the last, smaller batch of an epoch runs
 * eagerly. The traced step is itself a real step, so its loss is copied into a kept tensor to be
 * counted like the others.
 */
class TrainStep {
  #program: Program | undefined;
  readonly #traceLoss = keep(scalar(0));

  constructor(private readonly step: (batch: Tensor, beta: Tensor) => Tensor) {}

  async run(batch: Tensor, beta: Tensor, full: boolean): Promise<number> {
    if (!full) return tidy(() => this.step(batch, beta).item());
    if (this.#program === undefined) {
      this.#program = Program.trace(
        (b, bt) => {
          const value = this.step(b, bt);
          noGrad(() => this.#traceLoss.copy_(value.detach()));
          return value;
        },
        [batch, beta],
      );
      return this.#traceLoss.item();
    }
    const [value] = await this.#program.runAsync([batch, beta]);
    const out = value!.item();
    value!.dispose();
    return out;
  }

  dispose(): void {
    this.#program?.dispose();
    this.#traceLoss.dispose();
  }
}

/**
 * Adam on shuffled mini-batches (shuffling within the training windows only; validation windows lie
 * after them in time), β warmed up linearly, early stopping with `patience` that restores the best
 * validation epoch's weights.
 */
export async function trainVae(model: VaeModel, o: VaeDetectorOptions, run: TrainRun): Promise<TrainResult> {
  const optimiser = new Adam(model.parameters(), { lr: run.learningRate });
  const step = new TrainStep((batch, beta) => {
    optimiser.zeroGrad();
    const value = loss(model, o, batch, beta, run.generator);
    value.backward();
    optimiser.step();
    return value.detach();
  });
  const n = run.train.size(0);
  let best = { loss: Number.POSITIVE_INFINITY, epoch: 0, weights: undefined as Tensor[] | undefined };
  let result: TrainResult = { epochs: 0, trainLoss: Number.NaN, validationLoss: undefined };
  model.train();
  try {
    for (let epoch = 1; epoch <= run.epochs; epoch++) {
      const beta = o.beta * (run.betaWarmupEpochs === 0 ? 1 : Math.min(1, epoch / run.betaWarmupEpochs));
      const betaTensor = scalar(beta);
      let sum = 0;
      const order = randperm(n, { generator: run.generator });
      for (let start = 0; start < n; start += o.batchSize) {
        const size = Math.min(o.batchSize, n - start);
        const batch = tidy(() => run.train.indexSelect(0, order.narrow(0, start, size)));
        try {
          sum += (await step.run(batch, betaTensor, size === o.batchSize)) * size;
        } finally {
          batch.dispose();
        }
      }
      betaTensor.dispose();
      order.dispose();
      model.eval();
      const validationLoss = run.validation === undefined ? undefined : evaluate(model, o, run.validation);
      model.train();
      result = { epochs: epoch, trainLoss: sum / n, validationLoss };
      run.onProgress?.({
        epoch,
        epochs: run.epochs,
        trainLoss: result.trainLoss,
        ...(validationLoss === undefined ? {} : { validationLoss }),
      });
      if (validationLoss === undefined) continue;
      // Only epochs at full β compete: earlier losses weigh the KL less and are not comparable
      // (a deterministic autoencoder has no KL term, so all its epochs do).
      if (o.variational && beta < o.beta) continue;
      if (validationLoss < best.loss) {
        for (const t of best.weights ?? []) t.dispose();
        best = { loss: validationLoss, epoch, weights: snapshot(model) };
      } else if (epoch - best.epoch >= o.patience) break;
    }
    if (best.weights !== undefined) {
      const names = [...model.stateDict().keys()];
      const weights = best.weights;
      model.loadStateDict(new Map(names.map((name, i) => [name, weights[i]!])));
      result = { ...result, validationLoss: best.loss };
    }
  } finally {
    model.eval();
    step.dispose();
    optimiser.dispose();
    for (const t of best.weights ?? []) t.dispose();
  }
  return result;
}
