import assert from "node:assert/strict";
import { test } from "node:test";
import { latentSensitivity } from "@vigil/detect/attribution";
import { VAE_DEFAULTS, VaeModel } from "@vigil/detect/vae";
import { Generator, noGrad, randn, type Tensor, tensor, tidy } from "@vigil/torch";

// C·L = 3·200 = 600 Jacobian rows: more than one backward chunk.
const options = { ...VAE_DEFAULTS, windowLength: 200, hidden: 16, latent: 4 };
const model = new VaeModel(options, 3, new Generator(5));
model.eval();

/** Per-channel ‖∂x̂_c/∂z‖ by central differences, in float64 from float32 decodes. */
function finiteDifferenceNorms(z: Float32Array, eps: number): number[] {
  const squared = [0, 0, 0];
  for (let d = 0; d < z.length; d++) {
    const decode = (sign: number) =>
      noGrad(() =>
        tidy(() => {
          const shifted = Float32Array.from(z, (v, i) => (i === d ? v + sign * eps : v));
          return model.decode(tensor(shifted, { shape: [1, z.length] })).recon.toFloat64Array();
        }),
      );
    const [plus, minus] = [decode(1), decode(-1)];
    plus.forEach((p, k) => {
      squared[Math.floor(k / options.windowLength)]! += ((p - minus[k]!) / (2 * eps)) ** 2;
    });
  }
  return squared.map(Math.sqrt);
}

test("the decoder Jacobian norms per channel match finite differences", () => {
  const x: Tensor = randn([1, 3, 200], { generator: new Generator(6) });
  const { decoderJacobianNorm, scoreGradient } = latentSensitivity(model, options, x);
  const z = noGrad(() => tidy(() => model.encode(x).mu.toArray() as Float32Array));
  const expected = finiteDifferenceNorms(z, 1e-2);
  decoderJacobianNorm.forEach((v, c) => {
    assert.ok(Math.abs(v - expected[c]!) < 0.02 * expected[c]!, `channel ${c}: ${v} vs ${expected[c]}`);
  });
  assert.equal(scoreGradient.length, 4);
  assert.ok(scoreGradient.some((g) => g !== 0));
  x.dispose();
});
