import type { VaeDetectorOptions } from "./vae-options.ts";

/**
 * The deterministic autoencoders are the VAE with `variational` off, named by their encoder as the
 * literature names them (Conv-AE, LSTM-AE); the kind is what the registry stores and restores by.
 */
const AUTOENCODER_KINDS = { cnn: "conv-ae", lstm: "lstm-ae", transformer: "transformer-ae" } as const;

/** Every kind the VAE family saves under. */
export const VAE_FAMILY_KINDS: readonly string[] = ["vae", ...Object.values(AUTOENCODER_KINDS)];

/** The kind of a VAE-family detector with these options. */
export function vaeFamilyKind(o: Pick<VaeDetectorOptions, "variational" | "encoder">): string {
  return o.variational ? "vae" : AUTOENCODER_KINDS[o.encoder];
}

/**
 * The options a kind fixes: none for "vae" (any encoder), and `variational: false` plus the encoder
 * for an autoencoder kind; undefined for a kind outside the family.
 */
export function vaeFamilyPreset(kind: string): Partial<VaeDetectorOptions> | undefined {
  if (kind === "vae") return {};
  const entry = Object.entries(AUTOENCODER_KINDS).find(([, k]) => k === kind);
  return entry && { variational: false, encoder: entry[0] as VaeDetectorOptions["encoder"] };
}
