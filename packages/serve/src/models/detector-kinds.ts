import { createDetector as create, type Detector, DETECTOR_KINDS as KINDS } from "@vigil/detect";

/**
 * The detectors a model can be trained as, keyed by the kind a train request names, each built by
 * detect's catalog from the request's config (validated by the detector's own options: unknown keys
 * are rejected). A record rather than detect's list so callers can look a kind up directly.
 */
export const DETECTOR_KINDS: Readonly<Record<string, (config: Record<string, unknown>) => Detector>> =
  Object.fromEntries(KINDS.map((kind) => [kind, (config: Record<string, unknown>) => create(kind, config)]));

/** A new detector of the named kind (or alias) with `config` over its defaults; see detect's createDetector. */
export function createDetector(kind: string, config: Record<string, unknown> = {}): Detector {
  return create(kind, config);
}
