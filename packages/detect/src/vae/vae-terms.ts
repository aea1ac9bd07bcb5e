import type { Tensor } from "@vigil/torch";
import type { VaeModel } from "./vae-model.ts";
import type { VaeDetectorOptions } from "./vae-options.ts";

/**
 * Element-wise reconstruction error [batch, C, L]: squared, absolute, or the Gaussian negative
 * log-likelihood 0.5·(log σ² + (x − x̂)² / σ²) without its constant (so it can be negative).
 */
export function reconstructionError(
  kind: VaeDetectorOptions["reconstructionLoss"],
  recon: Tensor,
  target: Tensor,
  logvar: Tensor | undefined,
): Tensor {
  const diff = recon.sub(target);
  if (kind === "mae") return diff.abs();
  const squared = diff.square();
  return logvar === undefined ? squared : squared.mul(logvar.neg().exp()).add(logvar).mul(0.5);
}

/** Forecast error [batch, C, H]: absolute for "mae", squared otherwise (the head predicts a mean only). */
export function forecastError(
  kind: VaeDetectorOptions["reconstructionLoss"],
  forecast: Tensor,
  target: Tensor,
): Tensor {
  const diff = forecast.sub(target);
  return kind === "mae" ? diff.abs() : diff.square();
}

/** KL(q(z|x) ‖ N(0, I)) per window [batch]. */
export function klDivergence(mu: Tensor, logvar: Tensor): Tensor {
  return mu.square().add(logvar.exp()).sub(logvar).sub(1).sum(1).mul(0.5);
}

/** Element-wise reconstruction error [batch, C, L] of windows x decoded from latent codes z. */
export function windowErrors(model: VaeModel, o: VaeDetectorOptions, x: Tensor, z: Tensor): Tensor {
  const { recon, reconLogvar } = model.decode(z);
  return reconstructionError(o.reconstructionLoss, recon, x, reconLogvar);
}

/**
 * The per-step score terms of windows x [batch, C, L] given their latent code z and the encoder's
 * log-variance, as the training loss weighs them: the reconstruction error of each channel averaged
 * over the window's last `scoreSteps` steps [batch, C] (its sum over channels is the
 * "reconstruction" component), and β·KL / L [batch], the window's KL spread over its steps (the
 * "kl" component; undefined for a deterministic autoencoder, which has no log-variance). Taking z
 * as an input lets attribution differentiate the score with respect to it.
 */
export function latentTerms(
  model: VaeModel,
  o: VaeDetectorOptions,
  x: Tensor,
  z: Tensor,
  logvar: Tensor | undefined,
): { byChannel: Tensor; kl: Tensor | undefined } {
  const byChannel = windowErrors(model, o, x, z)
    .narrow(2, o.windowLength - o.scoreSteps, o.scoreSteps)
    .mean(2);
  return { byChannel, kl: logvar && klDivergence(z, logvar).mul(o.beta / o.windowLength) };
}

/** The score terms with z = μ (deterministic scores), plus μ itself. */
export function windowTerms(
  model: VaeModel,
  o: VaeDetectorOptions,
  x: Tensor,
): { byChannel: Tensor; kl: Tensor | undefined; z: Tensor } {
  const { mu, logvar } = model.encode(x);
  return { ...latentTerms(model, o, x, mu, logvar), z: mu };
}

/** The differentiable window score [batch] (reconstruction + kl) that attribution explains. */
export function windowScore(model: VaeModel, o: VaeDetectorOptions, x: Tensor): Tensor {
  const { byChannel, kl } = windowTerms(model, o, x);
  const reconstruction = byChannel.sum(1);
  return kl === undefined ? reconstruction : reconstruction.add(kl);
}
