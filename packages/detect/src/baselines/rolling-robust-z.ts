import type { Series } from "@vigil/core";
import { MAD_SCALE, SortedWindow } from "@vigil/core/stats";
import {
  expectInteger,
  expectNumber,
  expectOneOf,
  expectPositiveInteger,
  withDefaults,
} from "@vigil/core/validate";
import type { Detector, FitReport, ScoreResult } from "../detector/types.ts";
import { channelNames, expectFitted, fittedColumns } from "./columns.ts";
import { robustLocationScale } from "./robust.ts";
import { allocateScores } from "./score-result.ts";
import { type DetectorState, float64Tensor, restoredConfig, stateCard, stateTensor } from "./state.ts";

export interface RollingRobustZOptions {
  /** Length of the lagging window, in steps; the current value is never part of its own window. */
  window: number;
  /** Fewest non-missing values the window must hold before a step is scored (earlier steps score NaN). */
  minPeriods: number;
  /** How per-channel |z| combine into the score: the largest, or the root mean square. */
  aggregate: "max" | "rms";
  /**
   * Floor on each window's scale, as a fraction of the channel's robust scale on the training data,
   * so that a flat stretch does not turn a small wiggle into a huge z.
   */
  scaleFloor: number;
}

export const ROLLING_ROBUST_Z_DEFAULTS: RollingRobustZOptions = {
  window: 120,
  minPeriods: 30,
  aggregate: "max",
  scaleFloor: 0.1,
};

interface Fitted {
  readonly channels: string[];
  readonly trainMedian: Float64Array;
  readonly trainScale: Float64Array;
}

/**
 * Rolling robust z-score: per channel, |x_t − median| / (1.4826·MAD) over the previous `window`
 * steps of the same series. Each scored series is self-contained (its first steps score NaN until the
 * window fills), so fitting only learns the per-channel scale floors; `update()` is a no-op because
 * the window already follows the latest data.
 * The floor is `scaleFloor` × the channel's robust σ on the training data (nanRobustScale, which
 * falls back to the mean absolute deviation for quantised channels whose MAD is 0), so a window of
 * identical readings divides by a real spread, not by 0. A channel constant over the whole training
 * data has no spread at all: it is not scored (contribution NaN) and the other channels make the
 * score; the step scores NaN only when no channel is scored.
 */
export class RollingRobustZ implements Detector {
  static readonly kind = "rolling-robust-z";
  readonly kind = RollingRobustZ.kind;
  readonly options: RollingRobustZOptions;
  private fitted: Fitted | undefined;

  constructor(options?: Partial<RollingRobustZOptions>) {
    const o = withDefaults("RollingRobustZ options", ROLLING_ROBUST_Z_DEFAULTS, options);
    expectPositiveInteger("window", o.window);
    expectInteger("minPeriods", o.minPeriods, 1, o.window);
    expectOneOf("aggregate", o.aggregate, ["max", "rms"]);
    expectNumber("scaleFloor", o.scaleFloor, 0);
    this.options = o;
  }

  async fit(train: Series): Promise<FitReport> {
    const started = performance.now();
    const channels = channelNames(train);
    const robust = train.values.map(robustLocationScale);
    const trainMedian = Float64Array.from(robust, (r) => r.median);
    const trainScale = Float64Array.from(robust, (r) => r.scale);
    this.fitted = { channels, trainMedian, trainScale };
    return { seconds: (performance.now() - started) / 1000 };
  }

  async update(): Promise<void> {}

  async score(series: Series): Promise<ScoreResult> {
    const { channels, trainScale } = expectFitted(this.fitted, this.kind);
    const columns = fittedColumns(series, channels, this.kind);
    const { window, minPeriods, aggregate, scaleFloor } = this.options;
    const steps = series.timestamps.length;
    const out = allocateScores(steps, channels, ["robust_z"]);

    columns.forEach((x, c) => {
      // A channel constant in training has no unit to measure a deviation in: left unscored (NaN).
      if (!(trainScale[c]! > 0)) return;
      const floor = scaleFloor * trainScale[c]!;
      const z = out.channelContributions[c]!;
      const sorted = new SortedWindow(window);
      for (let t = 0; t < steps; t++) {
        if (sorted.size >= minPeriods && !Number.isNaN(x[t]!)) {
          z[t] = Math.abs(x[t]! - sorted.median()) / Math.max(MAD_SCALE * sorted.mad(), floor);
        }
        const leaving = t - window >= 0 ? x[t - window]! : Number.NaN;
        if (!Number.isNaN(leaving)) sorted.remove(leaving);
        if (!Number.isNaN(x[t]!)) sorted.insert(x[t]!);
      }
    });

    for (let t = 0; t < steps; t++) {
      let max = Number.NaN;
      let squares = 0;
      let n = 0;
      for (const z of out.channelContributions) {
        const v = z[t]!;
        if (Number.isNaN(v)) continue;
        max = n === 0 ? v : Math.max(max, v);
        squares += v * v;
        n++;
      }
      if (n > 0) out.score[t] = aggregate === "max" ? max : Math.sqrt(squares / n);
    }
    out.components.robust_z!.set(out.score);
    return out;
  }

  exportState(): DetectorState {
    const { channels, trainMedian, trainScale } = expectFitted(this.fitted, this.kind);
    return {
      tensors: { train_median: float64Tensor(trainMedian), train_scale: float64Tensor(trainScale) },
      card: stateCard(this.kind, this.options, channels),
    };
  }

  static fromState(state: DetectorState): RollingRobustZ {
    const { channels: names, options } = restoredConfig(state, RollingRobustZ.kind);
    const detector = new RollingRobustZ(options as Partial<RollingRobustZOptions>);
    detector.fitted = {
      channels: names,
      trainMedian: stateTensor(state, "train_median", [names.length]),
      trainScale: stateTensor(state, "train_scale", [names.length]),
    };
    return detector;
  }
}
