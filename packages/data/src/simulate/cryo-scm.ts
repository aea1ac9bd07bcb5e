import { VigilError } from "@vigil/core/errors";
import type { ChannelInfo } from "@vigil/core/series";

/**
 * The structural causal model (SCM) behind the cryogenic magnet simulator, written down once so that
 * the data generator, the exported ground-truth DAG and docs/simulators.md cannot disagree.
 *
 * Every channel is modelled in standardised units z (mean 0, variance 1 when the magnet is healthy):
 *
 *     z_c[t] = Σ_{p ∈ parents(c)} weight(p→c) · z_p[t − lag(p→c)] + u_c[t] + fault_c(t)
 *
 * where u_c is AR(1) noise with coefficient `smoothness` and the variance that makes Var(z_c) = 1 in the
 * lag-free i.i.d. model (see `noiseStd`), and fault_c is non-zero only on a fault's root-cause channel.
 * A channel's reading is `setPoint + spread · z`, with site-specific set-points and spreads.
 * The weights are standardised effects with |weight| ≥ 0.35, so PC with a Fisher-z test recovers the
 * graph from ~10⁴ i.i.d. rows.
 */
export const CRYO_CHANNELS = [
  "cooling_water_flow",
  "cooling_water_temp",
  "compressor_vibration",
  "compressor_power",
  "compressor_current",
  "coldhead_stage1_temp",
  "coldhead_stage2_temp",
  "shield_temp",
  "helium_pressure",
  "helium_level",
  "acoustic_emission",
] as const;

export type CryoChannel = (typeof CRYO_CHANNELS)[number];

export interface CryoChannelSpec {
  readonly info: ChannelInfo;
  /** Nominal healthy reading and one standard deviation of it (site profiles scale both). */
  readonly setPoint: number;
  readonly spread: number;
  /** AR(1) coefficient of the channel's own noise at a 10 s step: thermal masses are smooth. */
  readonly smoothness: number;
}

const spec = (
  name: CryoChannel,
  kind: ChannelInfo["kind"],
  unit: string,
  setPoint: number,
  spread: number,
  smoothness: number,
): CryoChannelSpec => ({ info: { name, kind, unit, role: "sensor" }, setPoint, spread, smoothness });

/** In the order of CRYO_CHANNELS, which is a topological order of the DAG. */
export const CRYO_CHANNEL_SPECS: readonly CryoChannelSpec[] = [
  spec("cooling_water_flow", "flow", "l/min", 20, 1.0, 0.9),
  spec("cooling_water_temp", "temperature", "degC", 18, 0.8, 0.95),
  spec("compressor_vibration", "vibration", "mm/s", 2.5, 0.25, 0.3),
  spec("compressor_power", "power", "kW", 7.5, 0.25, 0.7),
  spec("compressor_current", "current", "A", 14, 0.5, 0.5),
  spec("coldhead_stage1_temp", "temperature", "K", 45, 1.0, 0.95),
  spec("coldhead_stage2_temp", "temperature", "K", 4.1, 0.05, 0.95),
  spec("shield_temp", "temperature", "K", 52, 1.0, 0.97),
  spec("helium_pressure", "pressure", "kPa", 104, 0.3, 0.9),
  spec("helium_level", "level", "%", 70, 0.5, 0.98),
  spec("acoustic_emission", "acoustic", "aJ", 2.0, 0.2, 0.2),
];

export interface CryoEdge {
  readonly from: CryoChannel;
  readonly to: CryoChannel;
  /** Standardised structural coefficient. */
  readonly weight: number;
  /** Physical delay of the effect in seconds (0 = within one sample). */
  readonly lagSeconds: number;
  /** Why the edge exists. */
  readonly mechanism: string;
}

const edge = (
  from: CryoChannel,
  to: CryoChannel,
  weight: number,
  lagSeconds: number,
  mechanism: string,
): CryoEdge => ({
  from,
  to,
  weight,
  lagSeconds,
  mechanism,
});

/** The ground-truth DAG: 13 edges over 11 channels. */
export const CRYO_EDGES: readonly CryoEdge[] = [
  edge("cooling_water_flow", "cooling_water_temp", -0.7, 60, "less flow carries less heat away"),
  edge("cooling_water_temp", "compressor_power", 0.6, 300, "warmer water raises compression work"),
  edge("compressor_vibration", "compressor_power", 0.5, 0, "bearing and scroll wear add friction losses"),
  edge("compressor_power", "compressor_current", 0.9, 0, "the motor current follows the electrical power"),
  edge("compressor_power", "coldhead_stage1_temp", 0.6, 600, "power above nominal = lost efficiency"),
  edge("coldhead_stage1_temp", "coldhead_stage2_temp", 0.6, 300, "the 2nd stage is pre-cooled by the 1st"),
  edge("coldhead_stage1_temp", "shield_temp", 0.6, 900, "the radiation shield is cooled by the 1st stage"),
  edge("coldhead_stage2_temp", "helium_pressure", 0.5, 600, "a warmer 2nd stage recondenses less boil-off"),
  edge("shield_temp", "helium_pressure", 0.4, 1800, "a warmer shield radiates onto the helium"),
  edge("helium_pressure", "helium_level", -0.5, 1800, "vented boil-off lowers the level"),
  edge("coldhead_stage2_temp", "helium_level", -0.35, 1200, "less recondensation: net helium loss"),
  edge("compressor_vibration", "acoustic_emission", 0.5, 0, "compressor noise reaches the sensor"),
  edge("helium_pressure", "acoustic_emission", 0.4, 60, "boiling and venting are audible"),
];

export const cryoChannelIndex = (name: CryoChannel): number => CRYO_CHANNELS.indexOf(name);

/** Parents of each channel as (index, weight, lag) triples, in channel order. */
export const CRYO_PARENTS: readonly (readonly { parent: number; weight: number; lagSeconds: number }[])[] =
  CRYO_CHANNELS.map((child) =>
    CRYO_EDGES.filter((e) => e.to === child).map((e) => ({
      parent: cryoChannelIndex(e.from),
      weight: e.weight,
      lagSeconds: e.lagSeconds,
    })),
  );

/**
 * Standard deviation of each channel's own noise so that every channel has unit variance in the
 * lag-free model: 1 − Var(Σ weight · parent), with the parents' covariance built up in topological order.
 */
function unitVarianceNoise(): Float64Array {
  const p = CRYO_CHANNELS.length;
  const cov = Array.from({ length: p }, () => new Float64Array(p));
  const noise = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const parents = CRYO_PARENTS[j]!;
    for (let k = 0; k < j; k++) {
      let c = 0;
      for (const { parent, weight } of parents) c += weight * cov[parent]![k]!;
      cov[j]![k] = c;
      cov[k]![j] = c;
    }
    let explained = 0;
    for (const a of parents)
      for (const b of parents) explained += a.weight * b.weight * cov[a.parent]![b.parent]!;
    // A developer error in the table above, caught when the module loads.
    if (explained >= 0.95) {
      throw new VigilError(
        "CRYO_SCM_INVALID",
        `The parents explain ${explained} of ${CRYO_CHANNELS[j]}'s variance`,
      );
    }
    noise[j] = Math.sqrt(1 - explained);
    cov[j]![j] = 1;
  }
  return noise;
}

export const CRYO_NOISE_STD: Float64Array = unitVarianceNoise();
