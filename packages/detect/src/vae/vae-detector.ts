import type { Series } from "@vigil/core";
import { VigilArgumentError, VigilInputError } from "@vigil/core/errors";
import { median } from "@vigil/core/stats";
import { dispose, Generator, manualSeed, noGrad, type Tensor, tensor, tidy } from "@vigil/torch";
import { channelNames, expectFitted, fittedColumns } from "../baselines/columns.ts";
import { allocateScores } from "../baselines/score-result.ts";
import { type DetectorState, restoredConfig, stateCard, stateTensor } from "../baselines/state.ts";
import type { Detector, FitProgress, FitReport, ScoreOptions, ScoreResult } from "../detector/types.ts";
import { type ChannelNormaliser, fitNormaliser, normaliseColumns } from "./normaliser.ts";
import { ScoringPrograms } from "./scoring-programs.ts";
import { trainVae } from "./train-vae.ts";
import { VAE_FAMILY_KINDS, vaeFamilyKind } from "./vae-family.ts";
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
  /** Per-channel divisor of the errors (all 1 without `standardiseErrors`). */
  readonly errorScale: Float64Array;
}

const MODEL_PREFIX = "model.";

/** One network tensor by parameter name, as float32 values (row-major). */
export interface NetworkWeight {
  readonly name: string;
  readonly shape: number[];
  readonly data: Float32Array;
}

function networkWeightsOf(model: VaeModel): NetworkWeight[] {
  return [...model.stateDict()].map(([name, t]) => ({
    name,
    shape: t.shape,
    data: t.toArray() as Float32Array,
  }));
}

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
 * With `variational: false` the same class is a deterministic autoencoder (kind "conv-ae",
 * "lstm-ae" or "transformer-ae" by encoder; see vae-family.ts): no "kl" component, z = the code.
 * With `standardiseErrors`, channel c's reconstruction and forecast errors are divided by the
 * median of their sum over the training steps, so the terms above are in units of "usual error".
 * channelContributions[c][t] is channel c's reconstruction (plus forecast) error, additive: summed
 * over channels it gives the score less the "kl" term, which belongs to no channel. With the
 * Gaussian decoder the error is a negative log-likelihood, which can be below zero.
 * Inference is traced per batch size and replayed off the event loop (see ScoringPrograms); fit,
 * update and score calls on one detector run one after another.
 * Inputs are normalised with statistics of the training part only; a missing value takes the last
 * observed one (0, the training center, before any).
 */
export class VaeDetector implements Detector {
  /** The kind of the variational model; an autoencoder's `kind` names its encoder (see vaeFamilyKind). */
  static readonly kind = "vae";
  readonly kind: string;
  readonly options: VaeDetectorOptions;
  #fitted: FittedVae | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options?: Partial<VaeDetectorOptions>) {
    this.options = vaeOptions(options);
    this.kind = vaeFamilyKind(this.options);
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

  /** Reports progress in windows, after each inference batch. */
  score(series: Series, options: ScoreOptions = {}): Promise<ScoreResult> {
    return this.#exclusive(() => this.#score(series, options));
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
      errorScale: new Float64Array(channels.length).fill(1),
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
      // The Gaussian decoder's NLL is already scaled by each channel's learned variance (and can be < 0).
      if (o.standardiseErrors && o.reconstructionLoss !== "gaussian-nll") {
        const raw = await this.#score(train, {});
        this.#fitted = { ...this.#fitted, errorScale: errorScales(raw.channelContributions) };
      }
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
  ): Promise<{
    latent: Float64Array;
    byChannel: Float64Array;
    kl: Float64Array | undefined;
    future: Float64Array | undefined;
  }> {
    const o = this.options;
    const { windowLength: L, forecastHorizon: H } = o;
    const windows = cutWindows(all, start, size, L, 1);
    let outputs: Tensor[] = [];
    try {
      outputs = await this.fitted.scorer.run(windows);
      const [z, byChannel, ...rest] = outputs;
      const kl = o.variational ? rest.shift() : undefined;
      const predicted = rest.shift();
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
      return {
        latent: z!.toFloat64Array(),
        byChannel: byChannel!.toFloat64Array(),
        kl: kl?.toFloat64Array(),
        future,
      };
    } finally {
      dispose([windows, outputs]);
    }
  }

  async #score(series: Series, options: ScoreOptions): Promise<ScoreResult> {
    const o = this.options;
    const { channels } = this.fitted;
    const steps = series.timestamps.length;
    const L = o.windowLength;
    const H = o.forecastHorizon;
    const names = ["reconstruction", ...(o.variational ? ["kl"] : []), ...(H > 0 ? ["forecast"] : [])];
    const out = allocateScores(steps, channels, names);
    const C = channels.length;
    const count = windowCount(steps, L, 1);
    const forecasts = windowCount(steps, L + H, 1);
    const reconstruction = new Float64Array(steps * C).fill(Number.NaN);
    const forecast = new Float64Array(steps * C).fill(Number.NaN);
    const Z = o.latent;
    const latent = Array.from({ length: Z }, () => new Float64Array(steps).fill(Number.NaN));
    const all = this.normalised(series);
    try {
      for (let start = 0; start < count; start += o.scoreBatchSize) {
        const size = Math.min(o.scoreBatchSize, count - start);
        const withTarget = Math.max(0, Math.min(size, forecasts - start));
        const part = await this.#scoreChunk(all, start, size, withTarget);
        // Window i of the chunk ends at step e; its forecast is scored at e + H, when its target is known.
        for (let i = 0; i < size; i++) {
          const end = start + i + L - 1;
          if (part.kl !== undefined) out.components.kl![end] = part.kl[i]!;
          for (let k = 0; k < Z; k++) latent[k]![end] = part.latent[i * Z + k]!;
          reconstruction.set(part.byChannel.subarray(i * C, (i + 1) * C), end * C);
          if (part.future !== undefined && i < withTarget)
            forecast.set(part.future.subarray(i * C, (i + 1) * C), (end + H) * C);
        }
        options.onProgress?.({ done: start + size, total: count });
      }
    } finally {
      all.dispose();
    }
    const { errorScale } = this.fitted;
    for (let t = 0; t < steps; t++) {
      let recon = 0;
      let future = 0;
      for (let c = 0; c < C; c++) {
        const r = reconstruction[t * C + c]! / errorScale[c]!;
        const f = H > 0 ? forecast[t * C + c]! / errorScale[c]! : 0;
        recon += r;
        future += f;
        out.channelContributions[c]![t] = r + f;
      }
      out.components.reconstruction![t] = recon;
      if (H > 0) out.components.forecast![t] = future;
      out.score[t] = recon + (o.variational ? out.components.kl![t]! : 0) + future;
    }
    return { ...out, latent };
  }

  exportState(): DetectorState {
    const { channels, normaliser, model, baseline, errorScale } = this.fitted;
    const tensors: DetectorState["tensors"] = {
      error_scale: { dtype: "float64", shape: [channels.length], data: errorScale },
      "normaliser.center": { dtype: "float64", shape: [channels.length], data: normaliser.center },
      "normaliser.scale": { dtype: "float64", shape: [channels.length], data: normaliser.scale },
      baseline: { dtype: "float32", shape: [channels.length, this.options.windowLength], data: baseline },
    };
    for (const [name, t] of model.stateDict()) {
      tensors[MODEL_PREFIX + name] = { dtype: "float32", shape: t.shape, data: t.toArray() as Float32Array };
    }
    return { tensors, card: stateCard(this.kind, this.options, channels) };
  }

  /**
   * The network's weights by parameter name, as float32 copies: what federated training exchanges
   * between sites. The normaliser, baseline and error scales are not part of them and stay local.
   */
  networkWeights(): NetworkWeight[] {
    return networkWeightsOf(this.fitted.model);
  }

  /**
   * The weights a fresh network gets for these options and `channels` channels (seeded by
   * `options.seed`, no data needed): e.g. the first global model of federated training.
   */
  static initialNetworkWeights(options: Partial<VaeDetectorOptions>, channels: number): NetworkWeight[] {
    const o = vaeOptions(options);
    const model = new VaeModel(o, channels, new Generator(o.seed));
    try {
      return networkWeightsOf(model);
    } finally {
      model.dispose();
    }
  }

  /**
   * Replaces every network weight in place with one of the same name and shape (as `networkWeights()`
   * lists them), e.g. a federated global model; the normaliser, baseline and error scales stay as
   * fitted. Runs after any fit, update or score in progress.
   */
  loadNetworkWeights(
    weights: readonly { name: string; shape: readonly number[]; data: ArrayLike<number> }[],
  ): Promise<void> {
    return this.#exclusive(async () => {
      const { model } = this.fitted;
      tidy(() =>
        model.loadStateDict(
          new Map(weights.map((w) => [w.name, tensor(Float32Array.from(w.data), { shape: [...w.shape] })])),
        ),
      );
    });
  }

  /** Rebuilds the model from its weights; a restored detector scores exactly as the exported one. */
  static fromState(state: DetectorState): VaeDetector {
    // Any family kind is checked against its config below; another kind fails restoredConfig's check.
    const kind = VAE_FAMILY_KINDS.includes(state.card.kind) ? state.card.kind : VaeDetector.kind;
    const { channels, options } = restoredConfig(state, kind);
    const detector = new VaeDetector(options as Partial<VaeDetectorOptions>);
    if (detector.kind !== state.card.kind) {
      throw new VigilInputError(
        `card kind "${state.card.kind}" does not match its config, which makes a "${detector.kind}"`,
        { source: `${state.card.kind} card`, column: "kind" },
      );
    }
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
      // Models saved before errors were standardised have no scales: they score as they did.
      errorScale:
        state.tensors.error_scale === undefined
          ? new Float64Array(C).fill(1)
          : stateTensor(state, "error_scale", [C]),
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

/**
 * Median of each channel's error over the scored training steps, floored at a millionth of the
 * largest channel's (and at the smallest positive double), so that a channel reconstructed exactly
 * (constant in training) does not turn a rounding error into an alarm.
 */
function errorScales(contributions: readonly Float64Array[]): Float64Array {
  const medians = Float64Array.from(contributions, (x) => median(x));
  const largest = Math.max(...medians.filter(Number.isFinite));
  const floor = Math.max(Number.MIN_VALUE, 1e-6 * (Number.isFinite(largest) ? largest : 1));
  return medians.map((m) => (Number.isNaN(m) || m < floor ? floor : m));
}
