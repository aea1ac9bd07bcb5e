export type { FederatedClient, TrainRequest } from "./federated-client.ts";
export { ScaledUpdateClient } from "./scaled-update-client.ts";
export { VAE_SITE_DEFAULTS, VaeSite, type VaeSiteOptions } from "./vae-site.ts";
