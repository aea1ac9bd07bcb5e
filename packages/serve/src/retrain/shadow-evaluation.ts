/** JSON form of a ShadowEvaluation. */
export interface ShadowEvaluationState {
  readonly steps: number;
  readonly activeAlarms: number;
  readonly shadowAlarms: number;
  readonly activeNormal: number;
  /** Steps the active model scored normal and the shadow model flagged. */
  readonly disagreements: number;
}

export interface ShadowVerdict {
  readonly promote: boolean;
  readonly activeAlarmRate: number;
  readonly shadowAlarmRate: number;
  /** Share of the active model's normal steps that the shadow model flags. */
  readonly disagreement: number;
  readonly reason: string;
}

/**
 * Compares a shadow model with the active one on the same steps, each against its own calibrated
 * threshold (the shadow's fixed at its held-out fit, the active's as it adapts live).
 */
export class ShadowEvaluation {
  #s: ShadowEvaluationState;

  constructor(state?: ShadowEvaluationState) {
    this.#s = state ?? { steps: 0, activeAlarms: 0, shadowAlarms: 0, activeNormal: 0, disagreements: 0 };
  }

  get steps(): number {
    return this.#s.steps;
  }

  /** One step; steps where either model has no score are skipped. */
  add(active: number, activeThreshold: number, shadow: number, shadowThreshold: number): void {
    if (!Number.isFinite(active) || !Number.isFinite(shadow) || !Number.isFinite(activeThreshold)) return;
    const a = active > activeThreshold;
    const s = shadow > shadowThreshold;
    const x = this.#s;
    this.#s = {
      steps: x.steps + 1,
      activeAlarms: x.activeAlarms + (a ? 1 : 0),
      shadowAlarms: x.shadowAlarms + (s ? 1 : 0),
      activeNormal: x.activeNormal + (a ? 0 : 1),
      disagreements: x.disagreements + (!a && s ? 1 : 0),
    };
  }

  /** Promote when the shadow's alarm rate is at most the active's plus `rateSlack` and its disagreement at most `tolerance`. */
  verdict(rateSlack: number, tolerance: number): ShadowVerdict {
    const x = this.#s;
    const activeAlarmRate = x.activeAlarms / Math.max(1, x.steps);
    const shadowAlarmRate = x.shadowAlarms / Math.max(1, x.steps);
    const disagreement = x.disagreements / Math.max(1, x.activeNormal);
    const rateOk = shadowAlarmRate <= activeAlarmRate + rateSlack;
    const agreeOk = disagreement <= tolerance;
    const promote = rateOk && agreeOk;
    const pct = (v: number) => `${(100 * v).toFixed(2)} %`;
    const reason = promote
      ? `shadow alarm rate ${pct(shadowAlarmRate)} ≤ active ${pct(activeAlarmRate)} + slack; flags ${pct(disagreement)} of the active model's normal steps`
      : !rateOk
        ? `shadow alarm rate ${pct(shadowAlarmRate)} exceeds the active model's ${pct(activeAlarmRate)} + slack`
        : `shadow flags ${pct(disagreement)} of the steps the active model scores normal (tolerance ${pct(tolerance)})`;
    return { promote, activeAlarmRate, shadowAlarmRate, disagreement, reason };
  }

  toJSON(): ShadowEvaluationState {
    return { ...this.#s };
  }
}
