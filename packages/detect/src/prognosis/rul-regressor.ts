import type { Series } from "@vigil/core";
import { VigilArgumentError } from "@vigil/core/errors";
import {
  Adam,
  F,
  Generator,
  keep,
  manualSeed,
  noGrad,
  pad as padTensor,
  randperm,
  type Tensor,
  tensor,
  tidy,
} from "@vigil/torch";
import { expectFitted, fittedColumns } from "../baselines/columns.ts";
import { type ChannelNormaliser, fitNormaliser, normaliseColumns } from "../vae/normaliser.ts";
import { cutWindows } from "../vae/windows.ts";
import { RulNetwork } from "./rul-network.ts";
import { type RulRegressorOptions, rulOptions } from "./rul-options.ts";
import { type RulUnit, splitUnits } from "./rul-units.ts";
import { trainingWindows } from "./rul-windows.ts";

export interface RulFitProgress {
  readonly epoch: number;
  readonly epochs: number;
  /** RMSE over the training windows during the epoch, in cycles of the capped target. */
  readonly trainRmse: number;
  /** RMSE over all windows of the validation units after the epoch (capped target, cycles). */
  readonly validationRmse?: number;
}

export interface RulFitReport {
  readonly seconds: number;
  /** Epochs run (early stopping may end before `epochs`). */
  readonly epochs: number;
  /** The epoch whose weights were kept (the last without validation units). */
  readonly bestEpoch: number;
  readonly trainRmse: number;
  readonly validationRmse?: number;
  /** The channels the model reads, in order. */
  readonly channels: readonly string[];
  /** Chosen channels dropped because they were constant (or all missing) over the training units. */
  readonly dropped: readonly string[];
  readonly trainUnits: number;
  readonly validationUnits: number;
  readonly trainWindows: number;
}

interface FittedRul {
  readonly channels: readonly string[];
  readonly normaliser: ChannelNormaliser;
  readonly model: RulNetwork;
}

const KIND = "RulRegressor";

/** Chosen channel names: the option's, else every "sensor" channel (all when none has a role). */
function chosenChannels(series: Series, option: readonly string[] | null): string[] {
  if (option !== null) return [...option];
  const sensors = series.channels.filter((c) => c.role === "sensor").map((c) => c.name);
  return sensors.length > 0 ? sensors : series.channels.map((c) => c.name);
}

/** True when a channel takes one value (or none) over all the given columns. */
function isConstant(columns: readonly Float64Array[]): boolean {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const x of columns)
    for (const v of x) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return !(hi > lo);
}

const snapshot = (model: RulNetwork) => noGrad(() => [...model.stateDict()].map(([, t]) => keep(t.clone())));
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Remaining-useful-life regression (time to failure) from the last W cycles of a unit's channels,
 * with a small 1-D CNN (RulNetwork) trained on run-to-failure units with the piecewise-linear
 * target min(RUL, rulCap).
 * - fit: channels constant over the training units are dropped (`RulFitReport.dropped`); a z-score
 *   normaliser is fitted on the training units only (not the validation ones); `validationFraction`
 *   of the units, whole units chosen by a seeded shuffle, are held out for early stopping on their
 *   windows' RMSE; Adam on the mean squared error of RUL / rulCap over shuffled mini-batches; the
 *   best validation epoch's weights are kept. Missing values take the channel's last observed value.
 * - predict: one RUL per row, clipped to [0, rulCap]; rows before the first full window follow
 *   `padding` ("edge": the window is left-padded with the first row; "none": NaN).
 * All tensors are released by tidy() or dispose(); call dispose() when done with the regressor.
 * One fit at a time per regressor.
 */
export class RulRegressor {
  readonly options: RulRegressorOptions;
  #fitted: FittedRul | undefined;

  constructor(options?: Partial<RulRegressorOptions>) {
    this.options = rulOptions(options);
  }

  /** The channels the fitted model reads; throws before fit. */
  get channels(): readonly string[] {
    return expectFitted(this.#fitted, KIND).channels;
  }

  async fit(
    units: readonly RulUnit[],
    options: { onProgress?: (p: RulFitProgress) => void } = {},
  ): Promise<RulFitReport> {
    const started = performance.now();
    const o = this.options;
    if (units.length === 0)
      throw new VigilArgumentError(`${KIND}: fit() needs at least one unit`, { name: "units" });
    units.forEach((u, i) => {
      if (u.rul.length !== u.series.timestamps.length)
        throw new VigilArgumentError(
          `${KIND}: unit ${i} has ${u.series.timestamps.length} rows but ${u.rul.length} RUL values`,
          { name: "units" },
        );
    });
    const { train, validation } = splitUnits(units, o.validationFraction, o.seed);
    const chosen = chosenChannels(units[0]!.series, o.channels);
    const trainColumns = train.map((u) => fittedColumns(u.series, chosen, KIND));
    const dropped = chosen.filter((_, c) => isConstant(trainColumns.map((cols) => cols[c]!)));
    const channels = chosen.filter((name) => !dropped.includes(name));
    if (channels.length === 0)
      throw new VigilArgumentError(`${KIND}: every chosen channel is constant over the training units`, {
        name: "channels",
      });
    const keepIndex = chosen.map((name, c) => (dropped.includes(name) ? -1 : c)).filter((c) => c >= 0);
    const normaliser = fitNormaliser(
      keepIndex.map((c) => concat(trainColumns.map((cols) => cols[c]!))),
      "zscore",
    );
    const prepared = (part: readonly RulUnit[]) =>
      trainingWindows(
        part.map((u) => ({
          data: normaliseColumns(fittedColumns(u.series, channels, KIND), normaliser),
          steps: u.series.timestamps.length,
          rul: u.rul,
        })),
        channels.length,
        o.windowLength,
        o.trainStride,
        o.rulCap,
      );
    const trainSet = prepared(train);
    if (trainSet.count === 0)
      throw new VigilArgumentError(
        `${KIND}: no training unit has ${o.windowLength} rows (windowLength) with a finite RUL`,
        { name: "units" },
      );
    const validationSet = validation.length === 0 ? undefined : prepared(validation);

    this.dispose();
    manualSeed(o.seed);
    const generator = new Generator(o.seed);
    const model = new RulNetwork(channels.length, o.windowLength, o.hidden, o.convBlocks, o.dense, generator);
    this.#fitted = { channels, normaliser, model };
    const shape = (n: number) => [n, channels.length, o.windowLength];
    const x = tensor(trainSet.data, { shape: shape(trainSet.count) });
    const y = tensor(trainSet.target);
    const vx =
      validationSet === undefined || validationSet.count === 0
        ? undefined
        : tensor(validationSet.data, { shape: shape(validationSet.count) });
    const vy = vx === undefined ? undefined : tensor(validationSet!.target);
    const optimiser = new Adam(model.parameters(), { lr: o.learningRate });
    let best = { rmse: Number.POSITIVE_INFINITY, epoch: 0, weights: undefined as Tensor[] | undefined };
    let report: RulFitReport | undefined;
    const n = trainSet.count;
    try {
      for (let epoch = 1; epoch <= o.epochs; epoch++) {
        model.train();
        const order = randperm(n, { generator });
        let squares = 0;
        for (let start = 0; start < n; start += o.batchSize) {
          const size = Math.min(o.batchSize, n - start);
          squares +=
            tidy(() => {
              const index = order.narrow(0, start, size);
              optimiser.zeroGrad();
              const loss = F.mseLoss(model.forward(x.indexSelect(0, index)), y.indexSelect(0, index));
              loss.backward();
              optimiser.step();
              return loss.item();
            }) * size;
        }
        order.dispose();
        model.eval();
        const trainRmse = Math.sqrt(squares / n) * o.rulCap;
        const validationRmse = vx === undefined ? undefined : this.#rmse(vx, vy!);
        options.onProgress?.({
          epoch,
          epochs: o.epochs,
          trainRmse,
          ...(validationRmse === undefined ? {} : { validationRmse }),
        });
        const improved = validationRmse === undefined || validationRmse < best.rmse;
        if (improved) {
          for (const t of best.weights ?? []) t.dispose();
          best = {
            rmse: validationRmse ?? Number.NaN,
            epoch,
            weights: validationRmse === undefined ? undefined : snapshot(model),
          };
        }
        report = {
          seconds: 0,
          epochs: epoch,
          bestEpoch: best.epoch,
          trainRmse,
          ...(validationRmse === undefined ? {} : { validationRmse: best.rmse }),
          channels,
          dropped,
          trainUnits: train.length,
          validationUnits: validation.length,
          trainWindows: n,
        };
        // Wrapper objects of the epoch's tensors are reclaimed only when the event loop runs.
        await yieldToEventLoop();
        if (!improved && epoch - best.epoch >= o.patience) break;
      }
      if (best.weights !== undefined) {
        const names = [...model.stateDict().keys()];
        const weights = best.weights;
        noGrad(() => model.loadStateDict(new Map(names.map((name, i) => [name, weights[i]!]))));
      }
    } catch (error) {
      this.dispose();
      throw error;
    } finally {
      model.eval();
      optimiser.dispose();
      for (const t of [x, y, vx, vy, ...(best.weights ?? [])]) t?.dispose();
    }
    return { ...report!, seconds: (performance.now() - started) / 1000 };
  }

  /** RMSE in cycles of the capped target over windows [N, C, W] with scaled targets [N]. */
  #rmse(windows: Tensor, target: Tensor): number {
    const o = this.options;
    const count = windows.size(0);
    let squares = 0;
    for (let start = 0; start < count; start += o.predictBatchSize) {
      const size = Math.min(o.predictBatchSize, count - start);
      squares += noGrad(() =>
        tidy(() => {
          const model = expectFitted(this.#fitted, KIND).model;
          const out = model.forward(windows.narrow(0, start, size)).clamp(0, 1);
          return out
            .sub(target.narrow(0, start, size))
            .square()
            .sum()
            .item();
        }),
      );
    }
    return Math.sqrt(squares / count) * o.rulCap;
  }

  /**
   * Predicted RUL (cycles, in [0, rulCap]) at every row of `series`, from the window ending at that
   * row; rows before the first full window as `padding` says. Throws before fit (code
   * VIGIL_ERR_NOT_FITTED) and when a fitted channel is missing.
   */
  predict(series: Series): Float64Array {
    const { channels, normaliser, model } = expectFitted(this.#fitted, KIND);
    const o = this.options;
    const W = o.windowLength;
    const steps = series.timestamps.length;
    const out = new Float64Array(steps).fill(Number.NaN);
    if (steps === 0) return out;
    const pad = o.padding === "edge" ? W - 1 : 0;
    const first = W - 1 - pad;
    const count = steps - first;
    if (count <= 0) return out;
    const data = normaliseColumns(fittedColumns(series, channels, KIND), normaliser);
    const all = tidy(() => {
      const raw = tensor(data, { shape: [channels.length, steps] });
      return pad === 0 ? raw : padTensor(raw.unsqueeze(0), [pad, 0], "replicate").squeeze(0);
    });
    try {
      for (let start = 0; start < count; start += o.predictBatchSize) {
        const size = Math.min(o.predictBatchSize, count - start);
        const values = noGrad(() =>
          tidy(
            () =>
              model
                .forward(cutWindows(all, start, size, W, 1))
                .clamp(0, 1)
                .mul(o.rulCap)
                .toArray() as Float32Array,
          ),
        );
        for (let i = 0; i < size; i++) out[first + start + i] = values[i]!;
      }
    } finally {
      all.dispose();
    }
    return out;
  }

  /** Predicted RUL at the last row of `series` (NaN with padding "none" when it is shorter than W). */
  predictLast(series: Series): number {
    const steps = series.timestamps.length;
    if (steps === 0)
      throw new VigilArgumentError(`${KIND}: predictLast() needs at least one row`, { name: "series" });
    // Only the last window is needed: cut the series to it (keeping the edge padding semantics).
    const from = Math.max(0, steps - this.options.windowLength);
    const tail: Series = {
      ...series,
      timestamps: series.timestamps.subarray(from),
      values: series.values.map((v) => v.subarray(from)),
    };
    if (from > 0) return this.predict(tail)[tail.timestamps.length - 1]!;
    return this.predict(series)[steps - 1]!;
  }

  /** Frees the model's tensors; predict() throws until the next fit(). */
  dispose(): void {
    this.#fitted?.model.dispose();
    this.#fitted = undefined;
  }
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
