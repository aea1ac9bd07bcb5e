import { expectNumber, expectPositiveInteger, withDefaults } from "@vigil/core";
import { createRng } from "@vigil/core/random";
import { Adam, F, manualSeed, noGrad, type Tensor, tensor, tidy } from "@vigil/torch";
import { DilatedCnn } from "./dilated-cnn.ts";
import type { PulseWindows } from "./windows.ts";

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  /** Appendix E: Adam, learning rate 1e-4, weight decay 1e-6. */
  learningRate: number;
  weightDecay: number;
  seed: number;
  /** Called after each epoch with the mean training loss. */
  onEpoch: ((epoch: number, loss: number) => void) | undefined;
}

const DEFAULTS: TrainOptions = {
  epochs: 240,
  batchSize: 32,
  learningRate: 1e-4,
  weightDecay: 1e-6,
  seed: 1,
  onEpoch: undefined,
};

function batchOf(w: PulseWindows, rows: readonly number[]): Tensor {
  const size = w.channels * w.pulses;
  const out = new Float32Array(rows.length * size);
  rows.forEach((e, j) => {
    out.set(w.data.subarray(e * size, (e + 1) * size), j * size);
  });
  return tensor(out, { shape: [rows.length, w.channels, w.pulses] });
}

/**
 * Trains the Appendix E CNN on the training examples with binary cross-entropy, positive weight =
 * negatives / positives of the training set (the paper's 4.15 for 19.4 % anomalies), and returns the
 * anomaly probabilities of the test examples.
 */
export function trainAndPredict(
  w: PulseWindows,
  labels: Uint8Array,
  train: readonly number[],
  test: readonly number[],
  options?: Partial<TrainOptions>,
): { probabilities: Float64Array; positiveWeight: number; finalLoss: number } {
  const o = withDefaults("trainAndPredict", DEFAULTS, options);
  expectPositiveInteger("epochs", o.epochs);
  expectPositiveInteger("batchSize", o.batchSize);
  expectNumber("learningRate", o.learningRate, Number.MIN_VALUE);
  manualSeed(o.seed);
  const positives = train.filter((e) => labels[e] === 1).length;
  const positiveWeight = (train.length - positives) / Math.max(1, positives);
  const model = new DilatedCnn(w.channels, w.pulses);
  const optimiser = new Adam(model.parameters(), { lr: o.learningRate, weightDecay: o.weightDecay });
  const posWeight = tensor(Float32Array.of(positiveWeight));
  const rng = createRng(o.seed);
  const order = [...train];
  let finalLoss = Number.NaN;
  try {
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      rng.shuffle(order);
      let total = 0;
      model.train();
      // Batch norm needs two examples: a last batch of one joins the previous batch.
      for (let start = 0; start < order.length; start += o.batchSize) {
        const end =
          order.length - (start + o.batchSize) === 1
            ? order.length
            : Math.min(order.length, start + o.batchSize);
        const rows = order.slice(start, end);
        if (rows.length < 2) continue;
        total +=
          tidy(() => {
            optimiser.zeroGrad();
            const target = tensor(
              Float32Array.from(rows, (e) => labels[e]!),
              { shape: [rows.length, 1] },
            );
            const loss = F.binaryCrossEntropyWithLogits(model.forward(batchOf(w, rows)), target, {
              posWeight,
            });
            loss.backward();
            optimiser.step();
            return loss.item();
          }) * rows.length;
        if (end === order.length) break;
      }
      finalLoss = total / order.length;
      o.onEpoch?.(epoch, finalLoss);
    }
    model.eval();
    const probabilities = new Float64Array(test.length);
    noGrad(() => {
      for (let start = 0; start < test.length; start += o.batchSize) {
        const rows = test.slice(start, start + o.batchSize);
        const p = tidy(() => model.forward(batchOf(w, rows)).sigmoid().toArray());
        probabilities.set(Float64Array.from(p as ArrayLike<number>), start);
      }
    });
    return { probabilities, positiveWeight, finalLoss };
  } finally {
    optimiser.dispose();
    model.dispose();
    posWeight.dispose();
  }
}
