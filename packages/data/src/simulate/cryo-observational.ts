import { createRng, hashSeed } from "@vigil/core/random";
import type { Series } from "@vigil/core/series";
import { expectInteger, expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import { cryoDag, type DagEdge } from "./cryo-dag.ts";
import { CRYO_CHANNEL_SPECS, CRYO_NOISE_STD, CRYO_PARENTS } from "./cryo-scm.ts";

export interface CryoObservationalOptions {
  seed: number;
  rows: number;
}

export const CRYO_OBSERVATIONAL_DEFAULTS: CryoObservationalOptions = { seed: 1, rows: 10_000 };

/**
 * i.i.d. rows of the healthy cryogenic magnet SCM without its time dynamics (no lags, no autocorrelation,
 * no faults): linear-Gaussian, every channel of unit variance in standardised units before being mapped
 * to nominal physical units, for causal-discovery tests. Timestamps are row numbers in seconds.
 */
export function cryoObservationalSample(options?: Partial<CryoObservationalOptions>): {
  series: Series;
  dag: DagEdge[];
} {
  const o = withDefaults("cryo observational options", CRYO_OBSERVATIONAL_DEFAULTS, options);
  expectInteger("seed", o.seed, 0, 0xffffffff);
  const rows = expectPositiveInteger("rows", o.rows);
  const rng = createRng(hashSeed(o.seed, "observational"));
  const z = CRYO_CHANNEL_SPECS.map(() => new Float64Array(rows));
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < z.length; c++) {
      let value = CRYO_NOISE_STD[c]! * rng.normal();
      for (const p of CRYO_PARENTS[c]!) value += p.weight * z[p.parent]![i]!;
      z[c]![i] = value;
    }
  }
  return {
    series: {
      timestamps: BigInt64Array.from({ length: rows }, (_, i) => BigInt(i) * 1_000_000_000n),
      channels: CRYO_CHANNEL_SPECS.map((s) => s.info),
      values: z.map((column, c) => {
        const { setPoint, spread } = CRYO_CHANNEL_SPECS[c]!;
        return column.map((v) => setPoint + spread * v);
      }),
    },
    dag: cryoDag(),
  };
}
