import type { Series } from "@vigil/core";
import { VigilArgumentError } from "@vigil/core/errors";
import { expectInteger, expectNumber, expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import { noGrad, type Tensor, tensor, tidy } from "@vigil/torch";
import type { ScoreResult } from "../detector/types.ts";
import { rankChannels } from "../events/channel-ranking.ts";
import type { VaeDetector } from "../vae/vae-detector.ts";
import { windowErrors, windowScore } from "../vae/vae-terms.ts";
import { cutWindows } from "../vae/windows.ts";
import { gradientTimesInput } from "./gradient-times-input.ts";
import { integratedGradients } from "./integrated-gradients.ts";
import { type LatentSensitivity, latentSensitivity } from "./latent-sensitivity.ts";
import { onsetStep } from "./onset.ts";

export interface EventAttributionOptions {
  /** First step (index into the series) of the event. */
  start: number;
  /** One past the event's last step. */
  end: number;
  /** Score above which a step is anomalous: the onset is where the run above it that holds the peak begins. */
  threshold: number;
  /** Points of the integrated-gradients path. */
  integratedSteps: number;
  /** The detector's scores of this series, when already computed. */
  scores: ScoreResult | undefined;
}

const EVENT_DEFAULTS: EventAttributionOptions = {
  start: Number.NaN,
  end: Number.NaN,
  threshold: Number.NaN,
  integratedSteps: 64,
  scores: undefined,
};

export interface ChannelAttribution {
  readonly channel: string;
  /** Share of the event's summed channel contributions (reconstruction, plus forecast) error. */
  readonly errorShare: number;
  /** Integrated gradients of the peak window's score, summed over the window's steps. */
  readonly integratedGradients: number;
  /** Gradient × input of the peak window's score, summed over its steps. */
  readonly gradientTimesInput: number;
  /** ‖∂x̂_c/∂z‖ at the peak window's latent code. */
  readonly decoderJacobianNorm: number;
}

export interface EventAttribution {
  /** Channels by error share, largest first. */
  readonly ranking: readonly ChannelAttribution[];
  /** The event's highest-scoring step, whose window the gradient methods explain. */
  readonly peak: { readonly step: number; readonly timestamp: bigint; readonly score: number };
  /** Where the run of above-threshold scores holding the peak begins (within the event); undefined if the peak is not above it. */
  readonly onset: { readonly step: number; readonly timestamp: bigint } | undefined;
  /** Time-window contribution: the score at each event step, and the peak window's error at each of its L steps (summed over channels, first step `windowStart`). */
  readonly time: {
    readonly score: Float64Array;
    readonly windowStart: number;
    readonly windowError: Float64Array;
  };
  readonly latent: LatentSensitivity;
  /** Completeness check of integrated gradients: Σ attributions ≈ score − baselineScore. */
  readonly completeness: { readonly sum: number; readonly score: number; readonly baselineScore: number };
}

/** Sums a row-major [C, L] array over its steps, per channel. */
function perChannel(values: Float64Array, channels: number): Float64Array {
  const length = values.length / channels;
  return Float64Array.from({ length: channels }, (_, c) =>
    values.subarray(c * length, (c + 1) * length).reduce((a, b) => a + b, 0),
  );
}

/**
 * Root-cause attribution of an event [start, end) on a fitted VAE: per-channel error share over the
 * event; the time profile; and, for the window ending at the event's peak, latent sensitivity,
 * gradient × input and integrated gradients of the window score (reconstruction + kl, the part of
 * the score that is a function of the window; the forecast term's target lies outside it) with
 * respect to the normalised input, from the training median window.
 */
export async function attributeEvent(
  detector: VaeDetector,
  series: Series,
  options: Partial<EventAttributionOptions>,
): Promise<EventAttribution> {
  const o = withDefaults("attributeEvent options", EVENT_DEFAULTS, options);
  const steps = series.timestamps.length;
  expectInteger("start", o.start, 0, steps - 1);
  expectInteger("end", o.end, o.start + 1, steps);
  expectNumber("threshold", o.threshold);
  expectPositiveInteger("integratedSteps", o.integratedSteps);
  const scores = o.scores ?? (await detector.score(series));
  const { channels, model, baseline } = detector.fitted;
  const vae = detector.options;
  const L = vae.windowLength;
  const C = channels.length;

  let peak = -1;
  let highest = Number.NEGATIVE_INFINITY;
  for (let t = o.start; t < o.end; t++) {
    if (scores.score[t]! > highest) {
      highest = scores.score[t]!;
      peak = t;
    }
  }
  if (peak < 0) {
    throw new VigilArgumentError(
      `attributeEvent: no step of [${o.start}, ${o.end}) has a score (the first ${L - 1} steps never do)`,
    );
  }

  const shares = new Map(rankChannels(scores, o.start, o.end).map((s) => [s.channel, s.share]));

  const f = (x: Tensor) => windowScore(model, vae, x);
  const all = detector.normalised(series);
  const gradients = tidy(() => {
    const x = cutWindows(all, peak - L + 1, 1, L, 1);
    const reference = tensor(baseline, { shape: [1, C, L] });
    const ig = integratedGradients(f, x, reference, o.integratedSteps);
    const windowError = noGrad(() => windowErrors(model, vae, x, model.encode(x).mu).sum(1).toFloat64Array());
    return { ig, gradInput: gradientTimesInput(f, x), latent: latentSensitivity(model, vae, x), windowError };
  });
  all.dispose();

  const ig = perChannel(gradients.ig.attributions, C);
  const gradInput = perChannel(gradients.gradInput, C);
  const ranking = channels
    .map((channel, c) => ({
      channel,
      errorShare: shares.get(channel)!,
      integratedGradients: ig[c]!,
      gradientTimesInput: gradInput[c]!,
      decoderJacobianNorm: gradients.latent.decoderJacobianNorm[c]!,
    }))
    .sort((a, b) => b.errorShare - a.errorShare);
  const onset = onsetStep(scores.score, peak, o.start, o.threshold);
  return {
    ranking,
    peak: { step: peak, timestamp: series.timestamps[peak]!, score: scores.score[peak]! },
    onset: onset === undefined ? undefined : { step: onset, timestamp: series.timestamps[onset]! },
    time: {
      score: scores.score.slice(o.start, o.end),
      windowStart: peak - L + 1,
      windowError: gradients.windowError,
    },
    latent: gradients.latent,
    completeness: {
      sum: gradients.ig.attributions.reduce((a, b) => a + b, 0),
      score: gradients.ig.score,
      baselineScore: gradients.ig.baselineScore,
    },
  };
}
