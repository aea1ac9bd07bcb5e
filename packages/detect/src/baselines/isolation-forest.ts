import type { Series } from "@vigil/core";
import { VigilArgumentError, VigilInputError } from "@vigil/core/errors";
import { createRng } from "@vigil/core/random";
import { median } from "@vigil/core/stats";
import { expectInteger, expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import type { Detector, FitReport, ScoreResult } from "../detector/types.ts";
import { channelNames, expectFitted, fittedColumns } from "./columns.ts";
import { averagePathLength, checkForest, type Forest, growForest, pathLengths } from "./isolation-tree.ts";
import { allocateScores } from "./score-result.ts";
import { type DetectorState, float64Tensor, restoredConfig, stateCard, stateTensor } from "./state.ts";

export interface IsolationForestOptions {
  trees: number;
  /** ψ, rows per tree (fewer when the training data is shorter). */
  subsample: number;
  seed: number;
}

export const ISOLATION_FOREST_DEFAULTS: IsolationForestOptions = { trees: 100, subsample: 256, seed: 0 };

interface Fitted {
  readonly channels: string[];
  readonly forest: Forest;
  /** Per-channel training median: stands in for missing values and is the reference for attribution. */
  readonly median: Float64Array;
  /** ψ actually used, for the c(ψ) normalisation. */
  readonly subsample: number;
}

const FOREST_TENSORS = ["feature", "threshold", "left", "right", "size"] as const;

/**
 * Isolation Forest (Liu, Ting & Zhou, 2008) on the multivariate point of each time step: ψ = 256,
 * 100 trees, height limit ⌈log₂ ψ⌉, score 2^(−E[h(x)]/c(ψ)) in (0, 1], seeded. Temporal context is
 * left to upstream features (lags, windows), so the score reacts to unusual combinations of values.
 * Channel contributions are occlusion on path length: replacing channel c by its training median
 * lengthens the mean path by Δ_c ≥ 0 when c made the point easy to isolate; the score is split across
 * channels in proportion to Δ_c (evenly when no channel shortens the path). Path-based split counts
 * were not used because a tree picks its split features independently of the point scored.
 * A missing value is replaced by the training median. `update()` is a no-op: refit to absorb new data.
 */
export class IsolationForest implements Detector {
  static readonly kind = "isolation-forest";
  readonly kind = IsolationForest.kind;
  readonly options: IsolationForestOptions;
  private fitted: Fitted | undefined;

  constructor(options?: Partial<IsolationForestOptions>) {
    const o = withDefaults("IsolationForest options", ISOLATION_FOREST_DEFAULTS, options);
    expectPositiveInteger("trees", o.trees);
    expectInteger("subsample", o.subsample, 2);
    expectInteger("seed", o.seed, 0, 2 ** 32 - 1);
    this.options = o;
  }

  async fit(train: Series): Promise<FitReport> {
    const started = performance.now();
    const steps = train.timestamps.length;
    if (steps < 2)
      throw new VigilArgumentError(`IsolationForest needs at least 2 training steps but received ${steps}`);
    const medians = Float64Array.from(train.values, median);
    const columns = train.values.map((x, c) =>
      Float64Array.from(x, (v) => (Number.isNaN(v) ? medians[c]! : v)),
    );
    const subsample = Math.min(this.options.subsample, steps);
    const rng = createRng(this.options.seed);
    const forest = growForest(columns, { trees: this.options.trees, subsample, rng });
    this.fitted = { channels: channelNames(train), forest, median: medians, subsample };
    return { seconds: (performance.now() - started) / 1000 };
  }

  async update(): Promise<void> {}

  async score(series: Series): Promise<ScoreResult> {
    const { channels, forest, median, subsample } = expectFitted(this.fitted, this.kind);
    const columns = fittedColumns(series, channels, this.kind);
    const steps = series.timestamps.length;
    const out = allocateScores(steps, channels, ["isolation"]);
    const norm = averagePathLength(subsample);
    const point = new Float64Array(channels.length);
    const gains = new Float64Array(channels.length);
    const occluded = new Float64Array(channels.length);

    for (let t = 0; t < steps; t++) {
      columns.forEach((x, c) => {
        point[c] = Number.isNaN(x[t]!) ? median[c]! : x[t]!;
      });
      const path = pathLengths(forest, point, median, occluded);
      const score = 2 ** (-path / norm);
      let totalGain = 0;
      for (let c = 0; c < channels.length; c++) {
        gains[c] = Math.max(0, occluded[c]! - path);
        totalGain += gains[c]!;
      }
      for (let c = 0; c < channels.length; c++) {
        out.channelContributions[c]![t] =
          totalGain > 0 ? (score * gains[c]!) / totalGain : score / channels.length;
      }
      out.score[t] = score;
      out.components.isolation![t] = score;
    }
    return out;
  }

  exportState(): DetectorState {
    const { channels, forest, median, subsample } = expectFitted(this.fitted, this.kind);
    const tensors: DetectorState["tensors"] = {
      roots: float64Tensor(forest.roots),
      median: float64Tensor(median),
      subsample: float64Tensor(Float64Array.of(subsample)),
    };
    for (const name of FOREST_TENSORS) tensors[name] = float64Tensor(forest[name]);
    return { tensors, card: stateCard(this.kind, this.options, channels) };
  }

  static fromState(state: DetectorState): IsolationForest {
    const { channels: names, options } = restoredConfig(state, IsolationForest.kind);
    const detector = new IsolationForest(options as Partial<IsolationForestOptions>);
    const nodes = state.tensors.feature?.shape[0] ?? 0;
    const read = (name: (typeof FOREST_TENSORS)[number]) => stateTensor(state, name, [nodes]);
    const forest: Forest = {
      feature: read("feature"),
      threshold: read("threshold"),
      left: read("left"),
      right: read("right"),
      size: read("size"),
      roots: stateTensor(state, "roots", [detector.options.trees]),
    };
    const problem = checkForest(forest, names.length);
    if (problem !== undefined)
      throw new VigilInputError(problem, { source: `${IsolationForest.kind} state` });
    detector.fitted = {
      channels: names,
      forest,
      median: stateTensor(state, "median", [names.length]),
      subsample: stateTensor(state, "subsample", [1])[0]!,
    };
    return detector;
  }
}
