import { expectOneOf, withDefaults } from "@vigil/core/validate";
import type { DataMatrix } from "../data/matrix.ts";
import { type PcOptions, type PcResult, pc } from "../pc/pc.ts";
import { pooledFisherZ, weightedFisherZ } from "./federated-fisher-z.ts";
import { type DpOptions, privateSiteMessage, type SiteMessage, siteMessage } from "./site-message.ts";

export const FEDERATION_MODES = ["pooled", "weighted"] as const;
export type FederationMode = (typeof FEDERATION_MODES)[number];

export interface FederatedPcOptions {
  readonly mode: FederationMode;
  /** Differential privacy on each site's message; requires mode "weighted". */
  readonly dp: Partial<DpOptions> | undefined;
  readonly pc: Partial<PcOptions> | undefined;
}

export const FEDERATED_PC_DEFAULTS: FederatedPcOptions = { mode: "weighted", dp: undefined, pc: undefined };

export interface FederatedPcResult extends PcResult {
  readonly bytesPerSite: readonly number[];
  /** (ε, δ) spent per site (each site's message is released once), when DP is on. */
  readonly privacy: { readonly epsilon: number; readonly delta: number } | undefined;
}

/** The server's half: PC-stable on what the sites sent. */
export function federatedPcFromMessages(
  names: readonly string[],
  messages: readonly SiteMessage[],
  mode: FederationMode,
  options?: Partial<PcOptions>,
): PcResult {
  const test =
    expectOneOf("mode", mode, FEDERATION_MODES) === "pooled"
      ? pooledFisherZ(messages)
      : weightedFisherZ(messages);
  return pc(test, names, options);
}

/** Federated PC over sites simulated in one process: each site computes its message locally; rows never leave. */
export function federatedPc(
  sites: readonly DataMatrix[],
  options?: Partial<FederatedPcOptions>,
): FederatedPcResult {
  const o = withDefaults("federatedPc options", FEDERATED_PC_DEFAULTS, options);
  const messages = sites.map((site, i) =>
    o.dp === undefined
      ? siteMessage(site)
      : privateSiteMessage(site, { ...o.dp, seed: (o.dp.seed ?? 0) + i }),
  );
  const names = sites[0]?.names ?? [];
  const result = federatedPcFromMessages(names, messages, o.mode, o.pc);
  const privacy = messages[0]?.privacy;
  return {
    ...result,
    bytesPerSite: messages.map((m) => m.bytes),
    privacy: privacy === undefined ? undefined : { epsilon: privacy.epsilon, delta: privacy.delta },
  };
}
