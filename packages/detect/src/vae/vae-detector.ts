import type { Series } from "@vigil/core";
import { VigilArgumentError } from "@vigil/core/errors";
import { dispose, Generator, manualSeed, noGrad, type Tensor, tensor, tidy } from "@vigil/torch";
import { channelNames, expectFitted, fittedColumns } from "../baselines/columns.ts";
import { allocateScores } from "../baselines/score-result.ts";
import { type DetectorState, restoredConfig, stateCard, stateTensor } from "../baselines/state.ts";
import type { Detector, FitProgress, FitReport, ScoreResult } from "../detector/types.ts";
import { type ChannelNormaliser, fitNormaliser, normaliseColumns } from "./normaliser.ts";
import { ScoringPrograms } from "./scoring-programs.ts";
import { trainVae } from "./train-vae.ts";
import { VaeModel } from "./vae-model.ts";
import { type VaeDetectorOptions, vaeOptions } from "./vae-options.ts";
import { forecastError } from "./vae-terms.ts";
import { cutWindows, windowCount } from "./windows.ts";

/** What a fitted VAE holds; attribution reads it. */
export interface FittedVae {
  readonly channels: readonly string[];
  readonly normaliser: ChannelNormaliser;
  readonly model: VaeModel;
  /** Median training window [C, L] in normalised units: the reference input of integrated gradients. */
  readonly baseline: Float32Array;
  /** Drives the reparameterisation noise and shuffling of update(). */
  readonly generator: Generator;
  readonly scorer: ScoringPrograms;
}

const MODEL_PREFIX = "model.";

/**
 * Variational autoencoder over sliding windows of L steps of normalised channels (see
 * `VaeDetectorOptions`). The score at step t is that of the window ending at t, the sum of:
 * - "reconstruction": the reconstruction error of each channel averaged over the window's last
 *   `scoreSteps` steps, summed over channels (the last steps, not the whole window, so a score
 *   rises when an anomaly arrives and falls soon after it ends);
 * - "kl": β·KL(q(z|x) ‖ N(0, I)) / L, the window's KL per step, as the training loss weighs it;
 * - "forecast" (with a forecasting head): the error of the forecast made H steps earlier for the H
 *   steps ending at t, Σ over channels of the mean over steps, times forecastWeight.
 * Steps without a full window (the first L − 1, plus H with a forecast head) score NaN.
 * channelContributions[c][t] is channel c's reconstruction (plus forecast) error, additive: summed
 * over channels it gives the score less the "kl" term, which belongs to no channel. With the
 * Gaussian decoder the error is a negative log-likelihood, which can be below zero.
 * Inference is traced per batch size and replayed off the event loop (see ScoringPrograms); fit,
 * update and score calls on one detector run one after another.
 * Inputs are normalised with statistics of the training part only; a missing value takes the last
 * observed one (0, the training center, before any).
 */
export class VaeDetector implements Detector {
  static readonly kind = "vae";
  readonly kind = VaeDetector.kind;
  readonly options: VaeDetectorOptions;
  #fitted: FittedVae | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options?: Partial<VaeDetectorOptions>) {
    this.options = vaeOptions(options);
  }

  /** The fitted model, normaliser and baseline (for attribution); throws before fit. */
  get fitted(): FittedVae {
    return expectFitted(this.#fitted, this.kind);
  }

  /** Normalised channels of `series` in the fitted order, [C, T]. */
  normalised(series: Series): Tensor {
    const { channels, normaliser } = this.fitted;
    const columns = fittedColumns(series, channels, this.kind);
    return tensor(normaliseColumns(columns, normaliser), {
      shape: [channels.length, series.timestamps.length],
    });
  }

  /**
   * Runs fit, update and score one at a time: training changes the weights that a replay on the
   * worker thread reads, and one traced program cannot replay twice at once.
   */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  fit(
    train: Series,
    options: { validation?: Series; onProgress?: (p: FitProgress) => void } = {},
  ): Promise<FitReport> {
    return this.#exclusive(() => this.#fit(train, options));
  }

  update(series: Series): Promise<void> {
    return this.#exclusive(() => this.#update(series));
  }

  score(series: Series): Promise<ScoreResult> {
    return this.#exclusive(() => this.#score(series));
  }

  async #fit(
    train: Series,
    options: { validation?: Series; onProgress?: (p: FitProgress) => void },
  ): Promise<FitReport> {
    const started = performance.now();
    const o = this.options;
    const steps = train.timestamps.length;
    const span = o.windowLength + o.forecastHorizon;
    const cut = options.validation === undefined ? steps - Math.round(steps * o.validationFraction) : steps;
    const trainCount = windowCount(cut, span, o.trainStride);
    if (trainCount === 0) {
      throw new VigilArgumentError(
        `VaeDetector: the training part has ${cut} steps but a window needs ${span} (windowLength + forecastHorizon)`,
      );
    }
    manualSeed(o.seed);
    const generator = new Generator(o.seed);
    const channels = channelNames(train);
    const normaliser = fitNormaliser(
      train.values.map((x) => x.subarray(0, cut)),
      o.normaliser,
    );
    this.dispose();
    const model = new VaeModel(o, channels.length, generator);
    const fitted: FittedVae = {
      channels,
      normaliser,
      model,
      baseline: new Float32Array(),
      generator,
      scorer: new ScoringPrograms(model, o),
    };
    this.#fitted = fitted;
    const all = this.normalised(train);
    const trainWindows = cutWindows(all, 0, trainCount, span, o.trainStride);
    const validation = this.#validationWindows(all, cut, options.validation);
    all.dispose();
    try {
      const result = await trainVae(model, o, {
        train: trainWindows,
        validation,
        epochs: o.epochs,
        learningRate: o.learningRate,
        betaWarmupEpochs: o.betaWarmupEpochs,
        generator,
        onProgress: options.onProgress,
      });
      const baseline = tidy(() => trainWindows.narrow(2, 0, o.windowLength).median(0).toArray());
      this.#fitted = { ...fitted, baseline: baseline as Float32Array };
      return {
        seconds: (performance.now() - started) / 1000,
        epochs: result.epochs,
        trainLoss: result.trainLoss,
        ...(result.validationLoss === undefined ? {} : { validationLoss: result.validationLoss }),
      };
    } catch (error) {
      this.dispose();
      throw error;
    } finally {
      trainWindows.dispose();
      validation?.dispose();
    }
  }

  /** Validation windows: from the given series, else from the held-out end [cut, T) of the training series. */
  #validationWindows(all: Tensor, cut: number, given: Series | undefined): Tensor | undefined {
    const o = this.options;
    const span = o.windowLength + o.forecastHorizon;
    const source = given === undefined ? all.narrow(1, cut, all.size(1) - cut) : this.normalised(given);
    const count = windowCount(source.size(1), span, o.trainStride);
    const windows = count === 0 ? undefined : cutWindows(source, 0, count, span, o.trainStride);
    source.dispose();
    return windows;
  }

  /**
   * A few epochs at a small learning rate on new normal data (none when it is shorter than a window);
   * the normaliser stays as fitted.
   */
  async #update(series: Series): Promise<void> {
    const o = this.options;
    const { model, generator } = this.fitted;
    const span = o.windowLength + o.forecastHorizon;
    const count = windowCount(series.timestamps.length, span, o.trainStride);
    if (count === 0 || o.updateEpochs === 0) return;
    const all = this.normalised(series);
    const windows = cutWindows(all, 0, count, span, o.trainStride);
    all.dispose();
    try {
      await trainVae(model, o, {
        train: windows,
        validation: undefined,
        epochs: o.updateEpochs,
        learningRate: o.updateLearningRate,
        betaWarmupEpochs: 0,
        generator,
        onProgress: undefined,
      });
    } finally {
      windows.dispose();
    }
  }

  /**
   * Per-channel error [size, C] and kl [size] of `size` windows from `start`, plus the forecast error
   * [withTarget, C] of those whose H following steps lie in the series.
   */
  async #scoreChunk(
    all: Tensor,
    start: number,
    size: number,
    withTarget: number,
  ): Promise<{ byChannel: Float64Array; kl: Float64Array; future: Float64Array | undefined }> {
    const o = this.options;
    const { windowLength: L, forecastHorizon: H } = o;
    const windows = cutWindows(all, start, size, L, 1);
    let outputs: Tensor[] = [];
    try {
      outputs = await this.fitted.scorer.run(windows);
      const [byChannel, kl, predicted] = outputs;
      const future =
        predicted !== undefined && withTarget > 0
          ? noGrad(() =>
              tidy(() =>
                forecastError(
                  o.reconstructionLoss,
                  predicted.narrow(0, 0, withTarget),
                  cutWindows(all, start, withTarget, L + H, 1).narrow(2, L, H),
                )
                  .mean(2)
                  .mul(o.forecastWeight)
                  .toFloat64Array(),
              ),
            )
          : undefined;
      return { byChannel: byChannel!.toFloat64Array(), kl: kl!.toFloat64Array(), future };
    } finally {
      dispose([windows, outputs]);
    }
  }

  async #score(series: Series): Promise<ScoreResult> {
    const o = this.options;
    const { channels } = this.fitted;
    const steps = series.timestamps.length;
    const L = o.windowLength;
    const H = o.forecastHorizon;
    const names = H > 0 ? ["reconstruction", "kl", "forecast"] : ["reconstruction", "kl"];
    const out = allocateScores(steps, channels, names);
    const C = channels.length;
    const count = windowCount(steps, L, 1);
    const forecasts = windowCount(steps, L + H, 1);
    const reconstruction = new Float64Array(steps * C).fill(Number.NaN);
    const forecast = new Float64Array(steps * C).fill(Number.NaN);
    const all = this.normalised(series);
    try {
      for (let start = 0; start < count; start += o.scoreBatchSize) {
        const size = Math.min(o.scoreBatchSize, count - start);
        const withTarget = Math.max(0, Math.min(size, forecasts - start));
        const part = await this.#scoreChunk(all, start, size, withTarget);
        // Window i of the chunk ends at step e; its forecast is scored at e + H, when its target is known.
        for (let i = 0; i < size; i++) {
          const end = start + i + L - 1;
          out.components.kl![end] = part.kl[i]!;
          reconstruction.set(part.byChannel.subarray(i * C, (i + 1) * C), end * C);
          if (part.future !== undefined && i < withTarget)
            forecast.set(part.future.subarray(i * C, (i + 1) * C), (end + H) * C);
        }
      }
    } finally {
      all.dispose();
    }
    for (let t = 0; t < steps; t++) {
      let recon = 0;
      let future = 0;
      for (let c = 0; c < C; c++) {
        const f = H > 0 ? forecast[t * C + c]! : 0;
        recon += reconstruction[t * C + c]!;
        future += f;
        out.channelContributions[c]![t] = reconstruction[t * C + c]! + f;
      }
      out.components.reconstruction![t] = recon;
      if (H > 0) out.components.forecast![t] = future;
      out.score[t] = recon + out.components.kl![t]! + future;
    }
    return out;
  }

  exportState(): DetectorState {
    const { channels, normaliser, model, baseline } = this.fitted;
    const tensors: DetectorState["tensors"] = {
      "normaliser.center": { dtype: "float64", shape: [channels.length], data: normaliser.center },
      "normaliser.scale": { dtype: "float64", shape: [channels.length], data: normaliser.scale },
      baseline: { dtype: "float32", shape: [channels.length, this.options.windowLength], data: baseline },
    };
    for (const [name, t] of model.stateDict()) {
      tensors[MODEL_PREFIX + name] = { dtype: "float32", shape: t.shape, data: t.toArray() as Float32Array };
    }
    return { tensors, card: stateCard(this.kind, this.options, channels) };
  }

  /** Rebuilds the model from its weights; a restored detector scores exactly as the exported one. */
  static fromState(state: DetectorState): VaeDetector {
    const { channels, options } = restoredConfig(state, VaeDetector.kind);
    const detector = new VaeDetector(options as Partial<VaeDetectorOptions>);
    const o = detector.options;
    const C = channels.length;
    const generator = new Generator(o.seed);
    const model = new VaeModel(o, C, generator);
    try {
      // The copies made from the state are released by the scope once loaded.
      tidy(() =>
        model.loadStateDict(
          new Map(
            [...model.stateDict()].map(([name, own]) => [
              name,
              tensor(Float32Array.from(stateTensor(state, MODEL_PREFIX + name, own.shape)), {
                shape: own.shape,
              }),
            ]),
          ),
        ),
      );
    } catch (error) {
      model.dispose();
      throw error;
    }
    model.eval();
    detector.#fitted = {
      channels,
      normaliser: {
        kind: o.normaliser,
        center: stateTensor(state, "normaliser.center", [C]),
        scale: stateTensor(state, "normaliser.scale", [C]),
      },
      model,
      baseline: Float32Array.from(stateTensor(state, "baseline", [C, o.windowLength])),
      generator,
      scorer: new ScoringPrograms(model, o),
    };
    return detector;
  }

  /** Releases the model's native memory; the detector must be fitted again before use. */
  dispose(): void {
    this.#fitted?.scorer.dispose();
    this.#fitted?.model.dispose();
    this.#fitted = undefined;
  }
}
