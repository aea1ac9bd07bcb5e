import type { Series } from "@vigil/core";
import { expectNumber, expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import type { Detector, FitReport, ScoreResult } from "../detector/types.ts";
import { channelNames, expectFitted, fittedColumns } from "./columns.ts";
import { columnMoments, type Moments, mergeMoments } from "./moments.ts";
import { type PcaModel, pcaFromMoments } from "./pca-model.ts";
import { allocateScores } from "./score-result.ts";
import { type DetectorState, float64Tensor, restoredConfig, stateCard, stateTensor } from "./state.ts";

export interface PcaDetectorOptions {
  /** Fraction of the (standardised) variance the retained components must explain. */
  varianceExplained: number;
  /** A fixed number of components instead of the variance rule. */
  components: number | undefined;
}

export const PCA_DEFAULTS: PcaDetectorOptions = { varianceExplained: 0.95, components: undefined };

interface Fitted {
  readonly channels: string[];
  readonly moments: Moments;
  readonly model: PcaModel;
}

/**
 * PCA on standardised channels with Hotelling's T² (variation inside the model's subspace) and
 * Q / SPE (distance from it). The score is T²/k + Q/θ₁, each term divided by its expectation on the
 * training data (k components; θ₁ the discarded variance), reported as components "t2" and "q".
 * Channel contributions add up to the score: Q's are the squared residuals; T²'s are the complete
 * decomposition contributions (D^½ z)_c² with D = P Λ⁻¹ Pᵀ (Alcala & Qin, 2009), which are never
 * negative. A missing value is scored as the training mean (z = 0). `update()` merges the new data's
 * moments into the training moments and re-derives the components.
 */
export class PcaDetector implements Detector {
  static readonly kind = "pca";
  readonly kind = PcaDetector.kind;
  readonly options: PcaDetectorOptions;
  private fitted: Fitted | undefined;

  constructor(options?: Partial<PcaDetectorOptions>) {
    const o = withDefaults("PcaDetector options", PCA_DEFAULTS, options);
    expectNumber("varianceExplained", o.varianceExplained, 0, 1);
    if (o.components !== undefined) expectPositiveInteger("components", o.components);
    this.options = o;
  }

  private derive(channels: string[], moments: Moments): void {
    const model = pcaFromMoments(moments, this.options.varianceExplained, this.options.components);
    this.fitted = { channels, moments, model };
  }

  async fit(train: Series): Promise<FitReport> {
    const started = performance.now();
    if (this.options.components !== undefined) {
      expectNumber("components", this.options.components, 1, train.channels.length);
    }
    this.derive(channelNames(train), columnMoments(train.values));
    return { seconds: (performance.now() - started) / 1000 };
  }

  async update(series: Series): Promise<void> {
    const { channels, moments } = expectFitted(this.fitted, this.kind);
    const batch = columnMoments(fittedColumns(series, channels, this.kind), moments.mean);
    this.derive(channels, mergeMoments(moments, batch));
  }

  async score(series: Series): Promise<ScoreResult> {
    const { channels, model } = expectFitted(this.fitted, this.kind);
    const columns = fittedColumns(series, channels, this.kind);
    const { mean, scale, loadings, eigenvalues, residualVariance, components: k } = model;
    const dims = channels.length;
    const steps = series.timestamps.length;
    const out = allocateScores(steps, channels, ["t2", "q"]);
    const qNorm = residualVariance > 0 ? residualVariance : 1;
    const z = new Float64Array(dims);
    const t = new Float64Array(k);

    for (let step = 0; step < steps; step++) {
      for (let c = 0; c < dims; c++) {
        const v = columns[c]![step]!;
        z[c] = Number.isNaN(v) ? 0 : (v - mean[c]!) / scale[c]!;
      }
      t.fill(0);
      for (let c = 0; c < dims; c++) for (let i = 0; i < k; i++) t[i]! += loadings[c * k + i]! * z[c]!;
      let t2 = 0;
      let q = 0;
      for (let c = 0; c < dims; c++) {
        let projected = 0;
        let whitened = 0;
        for (let i = 0; i < k; i++) {
          projected += loadings[c * k + i]! * t[i]!;
          whitened += (loadings[c * k + i]! * t[i]!) / Math.sqrt(eigenvalues[i]!);
        }
        const residual = z[c]! - projected;
        const t2Part = (whitened * whitened) / k;
        const qPart = (residual * residual) / qNorm;
        out.channelContributions[c]![step] = t2Part + qPart;
        t2 += t2Part;
        q += qPart;
      }
      out.components.t2![step] = t2;
      out.components.q![step] = q;
      out.score[step] = t2 + q;
    }
    return out;
  }

  exportState(): DetectorState {
    const { channels, moments } = expectFitted(this.fitted, this.kind);
    const dims = channels.length;
    return {
      tensors: {
        count: float64Tensor(Float64Array.of(moments.count)),
        mean: float64Tensor(moments.mean),
        comoment: float64Tensor(moments.comoment, [dims, dims]),
      },
      card: stateCard(this.kind, this.options, channels),
    };
  }

  /** The components are re-derived from the stored moments, so a restored model scores identically. */
  static fromState(state: DetectorState): PcaDetector {
    const { channels: names, options } = restoredConfig(state, PcaDetector.kind);
    const detector = new PcaDetector(options as Partial<PcaDetectorOptions>);
    const moments: Moments = {
      count: stateTensor(state, "count", [1])[0]!,
      mean: stateTensor(state, "mean", [names.length]),
      comoment: stateTensor(state, "comoment", [names.length, names.length]),
    };
    detector.derive(names, moments);
    return detector;
  }
}
