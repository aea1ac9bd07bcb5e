/**
 * NAB application profiles: weights A_TP, A_FP, A_TN, A_FN as published by Numenta (all magnitudes;
 * false positives and misses are subtracted). A_TN is listed for completeness: NAB's scorer never uses it.
 * SKAB's changepoint score uses the same three profiles.
 */
export interface NabProfile {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
}

export type NabProfileName = "standard" | "reward_low_FP" | "reward_low_FN";

export const NAB_PROFILES: Readonly<Record<NabProfileName, NabProfile>> = {
  standard: { tp: 1.0, fp: 0.11, tn: 1.0, fn: 1.0 },
  reward_low_FP: { tp: 1.0, fp: 0.22, tn: 1.0, fn: 1.0 },
  reward_low_FN: { tp: 1.0, fp: 0.11, tn: 1.0, fn: 2.0 },
};

export const NAB_PROFILE_NAMES: readonly NabProfileName[] = ["standard", "reward_low_FP", "reward_low_FN"];

/** A profile's corpus total, with the null (never fires) and perfect detectors' totals for normalising. */
export interface NabProfileScore {
  /** 100 · (raw − null) / (perfect − null): null detector = 0, perfect detector = 100; NaN with no windows. */
  readonly score: number;
  readonly raw: number;
  readonly null: number;
  readonly perfect: number;
}

export function normaliseNab(raw: number, windows: number, profile: NabProfile): NabProfileScore {
  const nullScore = -profile.fn * windows;
  const perfect = profile.tp * windows;
  const score = windows === 0 ? Number.NaN : (100 * (raw - nullScore)) / (perfect - nullScore);
  return { score, raw, null: nullScore, perfect };
}

/** One value per profile, e.g. each profile's normalised score. */
export function mapNabProfiles<T>(
  fn: (profile: NabProfile, name: NabProfileName) => T,
): Record<NabProfileName, T> {
  const out = {} as Record<NabProfileName, T>;
  for (const name of NAB_PROFILE_NAMES) out[name] = fn(NAB_PROFILES[name], name);
  return out;
}
