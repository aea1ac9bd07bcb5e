import { arange, enableGrad, grad, type Tensor, tidy } from "@vigil/torch";
import type { VaeModel } from "../vae/vae-model.ts";
import type { VaeDetectorOptions } from "../vae/vae-options.ts";
import { latentTerms } from "../vae/vae-terms.ts";

/** Output elements whose Jacobian rows one backward pass computes: bounds memory at rows × C·L floats. */
const JACOBIAN_ROWS = 512;

export interface LatentSensitivity {
  /** ∂score/∂z at z = μ(x), per latent dimension. */
  readonly scoreGradient: Float64Array;
  /** ‖∂x̂_c/∂z‖_F per channel c: how strongly the latent code drives each channel's reconstruction. */
  readonly decoderJacobianNorm: Float64Array;
}

/**
 * Squared norms of rows [first, first + rows) of the decoder's Jacobian ∂x̂/∂z [C·L, D] at z: z is
 * repeated once per row, and the sum of each copy's own output element has, as its gradient for
 * copy k, row first + k of the Jacobian — one backward pass for many rows.
 */
function jacobianRowNorms(model: VaeModel, z: Tensor, first: number, rows: number): Float64Array {
  return tidy(() => {
    const copies = z.expand(rows, z.size(1)).contiguous().requiresGrad_(true);
    const own = model
      .decode(copies)
      .recon.flatten(1)
      .gather(1, arange(first, first + rows, 1, "int64").unsqueeze(1));
    const [jacobian] = grad(own.sum(), copies);
    return jacobian!.square().sum(1).toFloat64Array();
  });
}

/** Sensitivity of one window x [1, C, L] through the latent space. */
export function latentSensitivity(model: VaeModel, o: VaeDetectorOptions, x: Tensor): LatentSensitivity {
  return enableGrad(() =>
    tidy(() => {
      const { mu, logvar } = model.encode(x);
      const z = mu.detach();
      const leaf = z.clone().requiresGrad_(true);
      const { byChannel, kl } = latentTerms(model, o, x, leaf, logvar?.detach());
      const score = kl === undefined ? byChannel.sum() : byChannel.sum().add(kl.sum());
      const [dz] = grad(score, leaf);
      const L = o.windowLength;
      const norms = new Float64Array(model.channels);
      for (let first = 0; first < model.channels * L; first += JACOBIAN_ROWS) {
        const rows = Math.min(JACOBIAN_ROWS, model.channels * L - first);
        // Rows are ordered channel-major (c·L + l), so each row belongs to channel ⌊row / L⌋.
        jacobianRowNorms(model, z, first, rows).forEach((squared, k) => {
          norms[Math.floor((first + k) / L)]! += squared;
        });
      }
      return { scoreGradient: dz!.toFloat64Array(), decoderJacobianNorm: norms.map(Math.sqrt) };
    }),
  );
}
