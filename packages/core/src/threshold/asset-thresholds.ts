import { VigilError, VigilInputError } from "../errors/index.ts";
import type { AssetRef } from "../series/index.ts";
import { Dspot, type DspotOptions, type DspotState } from "./dspot.ts";
import type { SpotStep } from "./spot.ts";

export interface AssetThresholdsState {
  readonly kind: "vigil.asset-thresholds";
  readonly version: 1;
  /** Keyed by "site/machine". */
  readonly assets: Readonly<Record<string, DspotState>>;
}

const keyOf = (asset: AssetRef): string => `${asset.site}/${asset.machine}`;

/**
 * One adaptive (DSPOT) threshold per asset, updated by every score that streams in. The whole set is plain
 * JSON, so a scorer that restarts resumes with the thresholds it had learnt.
 */
export class AssetThresholds {
  readonly #options: Partial<DspotOptions> | undefined;
  readonly #byAsset = new Map<string, Dspot>();

  constructor(options?: Partial<DspotOptions>) {
    this.#options = options;
  }

  static fromJSON(state: unknown, source = "asset thresholds state"): AssetThresholds {
    const s = state as Partial<AssetThresholdsState> | null;
    if (s === null || typeof s !== "object" || s.kind !== "vigil.asset-thresholds" || s.version !== 1) {
      throw new VigilInputError('expected an object with kind "vigil.asset-thresholds" and version 1', {
        source,
      });
    }
    if (typeof s.assets !== "object" || s.assets === null) {
      throw new VigilInputError("expected an assets object", { source, column: "assets" });
    }
    const out = new AssetThresholds();
    for (const [key, dspot] of Object.entries(s.assets))
      out.#byAsset.set(key, Dspot.fromJSON(dspot, `${source}.${key}`));
    return out;
  }

  /** (Re)calibrates an asset's threshold on its drift-free scores, e.g. after a retrain. */
  calibrate(asset: AssetRef, scores: ArrayLike<number>): void {
    this.#byAsset.set(keyOf(asset), Dspot.fit(scores, this.#options));
  }

  has(asset: AssetRef): boolean {
    return this.#byAsset.has(keyOf(asset));
  }

  threshold(asset: AssetRef): number {
    return this.#get(asset).threshold;
  }

  step(asset: AssetRef, score: number): SpotStep {
    return this.#get(asset).step(score);
  }

  toJSON(): AssetThresholdsState {
    const assets: Record<string, DspotState> = {};
    for (const [key, dspot] of this.#byAsset) assets[key] = dspot.toJSON();
    return { kind: "vigil.asset-thresholds", version: 1, assets };
  }

  #get(asset: AssetRef): Dspot {
    const d = this.#byAsset.get(keyOf(asset));
    if (d === undefined) {
      throw new VigilError(
        "VIGIL_ERR_THRESHOLD_UNCALIBRATED",
        `No threshold calibrated for asset ${keyOf(asset)}`,
        {
          details: { asset: keyOf(asset) },
        },
      );
    }
    return d;
  }
}
