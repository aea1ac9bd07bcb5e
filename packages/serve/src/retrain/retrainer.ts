import { randomUUID } from "node:crypto";
import type { AssetRef } from "@vigil/core/series";
import { sliceByIndex } from "@vigil/core/series";
import { Dspot, type DspotState } from "@vigil/core/threshold";
import type { Store } from "@vigil/data/store";
import type { ModelRegistry } from "@vigil/detect/registry";
import type { DriftStatus, Job, ModelSummary } from "../api/contract.ts";
import { modelSummary } from "../api/wire.ts";
import { activateModel, loadNormalSeries, retireModel, trainModel } from "../models/index.ts";
import type { ModelRuntime } from "../stream/model-runtime.ts";
import { type RetrainOptions, retrainOptions } from "./retrain-options.ts";
import { ShadowEvaluation, type ShadowEvaluationState } from "./shadow-evaluation.ts";

type Phase = NonNullable<DriftStatus["retrain"]>["state"];

export interface RetrainerContext {
  readonly store: Store;
  readonly registry: ModelRegistry;
  readonly options: Partial<RetrainOptions>;
  readonly emitJob: (job: Job) => void;
  readonly emitModel: (model: ModelSummary) => void;
  /** Makes the scorer serve the asset's (new) active model. */
  readonly promote: (asset: AssetRef) => Promise<void>;
  readonly loadModel: (id: string) => Promise<ModelRuntime>;
  readonly onError: (error: unknown) => void;
}

/** One asset's retraining state, as the scorer snapshot stores it. */
export interface RetrainState {
  readonly phase: Phase;
  readonly reason: string | null;
  /** ns of the first row of the clean window being collected. */
  readonly since: string | null;
  readonly normalRows: number;
  readonly job: Job | null;
  readonly shadow: { model: string; threshold: DspotState; evaluation: ShadowEvaluationState } | null;
}

interface Entry {
  asset: AssetRef;
  phase: Phase;
  reason: string | undefined;
  since: bigint | undefined;
  normalRows: number;
  job: Job | undefined;
  shadow: { runtime: ModelRuntime; threshold: Dspot; evaluation: ShadowEvaluation } | undefined;
}

const keyOf = (asset: AssetRef) => `${asset.site}/${asset.machine}`;
const iso = (t: bigint) => new Date(Number(t / 1_000_000n)).toISOString();

/**
 * The retraining policy (see RetrainOptions) run per asset as a small state machine —
 * idle → waiting-for-data (a drift alarm) → training (enough clean rows) → shadow (trained) → idle
 * (promoted or rejected) — with every transition visible: a Job per retrain, the model's status in the
 * registry and its mirror in the Store (the verdict's rates added to the Store row's metrics).
 */
export class Retrainer {
  readonly #c: RetrainerContext;
  readonly #o: RetrainOptions;
  readonly #entries = new Map<string, Entry>();
  readonly #work = new Set<Promise<void>>();

  constructor(context: RetrainerContext) {
    this.#c = context;
    this.#o = retrainOptions(context.options);
  }

  #entry(asset: AssetRef): Entry {
    const key = keyOf(asset);
    let e = this.#entries.get(key);
    if (e === undefined) {
      e = {
        asset,
        phase: "idle",
        reason: undefined,
        since: undefined,
        normalRows: 0,
        job: undefined,
        shadow: undefined,
      };
      this.#entries.set(key, e);
    }
    return e;
  }

  #background(work: Promise<void>): void {
    const tracked = work.catch((error) => this.#c.onError(error)).finally(() => this.#work.delete(tracked));
    this.#work.add(tracked);
  }

  #emit(e: Entry, job: Partial<Job>): void {
    e.job = { ...e.job!, ...job };
    this.#c.emitJob(e.job);
  }

  async #emitModel(id: string): Promise<void> {
    this.#c.emitModel(modelSummary(await this.#c.registry.get(id)));
  }

  state(key: string): DriftStatus["retrain"] {
    const e = this.#entries.get(key);
    if (e === undefined) return { state: "idle" };
    return { state: e.phase, ...(e.reason === undefined ? {} : { reason: e.reason }) };
  }

  /** The shadow model scored beside the active one, if any. */
  shadow(key: string): ModelRuntime | undefined {
    return this.#entries.get(key)?.shadow?.runtime;
  }

  /** Every active-model step: counts clean rows after a drift alarm and starts training once there are enough. */
  observeStep(
    asset: AssetRef,
    t: bigint,
    eventOpen: boolean,
    driftAlarm: boolean | undefined,
    activeModel: string,
  ): void {
    const e = this.#entry(asset);
    if (e.phase === "idle") {
      if (driftAlarm === true) {
        e.phase = "waiting-for-data";
        e.reason = `drift alarm at ${iso(t)}`;
        e.since = t;
        e.normalRows = 0;
      }
      return;
    }
    if (e.phase !== "waiting-for-data") return;
    if (eventOpen) {
      // The clean window restarts after an event: no anomaly may be learnt as normal.
      e.since = t + 1n;
      e.normalRows = 0;
      return;
    }
    e.normalRows++;
    if (e.normalRows >= this.#o.minNormalRows) this.#train(e, t, activeModel);
  }

  #train(e: Entry, t: bigint, activeModel: string): void {
    e.phase = "training";
    e.job = {
      id: `retrain-${randomUUID()}`,
      kind: "retrain",
      state: "running",
      progress: 0,
      message: `${e.reason}; training on ${e.normalRows} clean rows`,
    };
    this.#c.emitJob(e.job);
    const since = e.since!;
    this.#background(
      (async () => {
        try {
          const { card } = await this.#c.registry.get(activeModel);
          const { channels: _channels, ...config } = card.config;
          const all = await loadNormalSeries({
            store: this.#c.store,
            asset: e.asset,
            from: since,
            to: t + 1n,
          });
          const series = sliceByIndex(all, Math.max(0, all.timestamps.length - this.#o.maxTrainRows));
          const trained = await trainModel({
            store: this.#c.store,
            registry: this.#c.registry,
            asset: e.asset,
            detector: card.kind,
            config: { ...config, ...this.#o.config },
            status: "shadow",
            heldOutFraction: this.#o.heldOutFraction,
            drift: this.#o.drift,
            series,
            onProgress: (p) => this.#emit(e, { progress: 0.8 * p.progress, message: p.message }),
          });
          const runtime = await this.#c.loadModel(trained.id);
          e.shadow = {
            runtime,
            threshold: Dspot.fromJSON(runtime.profile.threshold),
            evaluation: new ShadowEvaluation(),
          };
          e.phase = "shadow";
          e.reason = `shadow scoring ${trained.id} for ${this.#o.shadowSteps} steps`;
          this.#emit(e, { progress: 0.8, message: e.reason, model: trained.id });
          await this.#emitModel(trained.id);
        } catch (error) {
          e.phase = "idle";
          e.reason = `retraining failed: ${(error as Error).message}`;
          this.#emit(e, { state: "failed", message: e.reason });
          throw error;
        }
      })(),
    );
  }

  /** Steps scored by both models on the same rows (calibrated scores; the active's thresholds in force). */
  observeShadow(
    key: string,
    active: Float64Array,
    activeThresholds: Float64Array,
    shadow: Float64Array,
  ): void {
    const e = this.#entries.get(key);
    const s = e?.shadow;
    if (e === undefined || s === undefined || e.phase !== "shadow") return;
    for (let i = 0; i < active.length; i++) {
      const threshold = s.threshold.threshold;
      s.threshold.step(shadow[i]!);
      s.evaluation.add(active[i]!, activeThresholds[i]!, shadow[i]!, threshold);
    }
    // Progress moves in whole percents, so a fleet in shadow does not flood listeners with jobs.
    const progress =
      Math.floor(100 * (0.8 + 0.2 * Math.min(1, s.evaluation.steps / this.#o.shadowSteps))) / 100;
    if (progress !== e.job?.progress) this.#emit(e, { progress });
    if (s.evaluation.steps >= this.#o.shadowSteps) this.#decide(e);
  }

  #decide(e: Entry): void {
    const s = e.shadow!;
    const id = s.runtime.id;
    const verdict = s.evaluation.verdict(this.#o.rateSlack, this.#o.disagreementTolerance);
    // The phase stays "shadow" (with no shadow scoring) until the verdict is carried out, so the
    // outgoing model's drift cannot start another retrain in between.
    e.shadow = undefined;
    const outcome = `${verdict.promote ? "promoted" : "rejected"} ${id}: ${verdict.reason}`;
    e.reason = outcome;
    this.#background(
      (async () => {
        if (verdict.promote) {
          await activateModel(this.#c.store, this.#c.registry, id);
          await this.#c.promote(e.asset);
        } else {
          await retireModel(this.#c.store, this.#c.registry, id);
        }
        const [record] = await this.#c.store
          .queryModels({ asset: e.asset })
          .then((rows) => rows.filter((r) => r.id === id));
        if (record !== undefined) {
          await this.#c.store.putModel({
            ...record,
            metrics: {
              ...record.metrics,
              shadowSteps: s.evaluation.steps,
              shadowAlarmRate: verdict.shadowAlarmRate,
              activeAlarmRate: verdict.activeAlarmRate,
              shadowDisagreement: verdict.disagreement,
              verdict: verdict.promote ? "promoted" : "rejected",
            },
          });
        }
        e.phase = "idle";
        this.#emit(e, { state: "done", progress: 1, message: outcome });
        await this.#emitModel(id);
      })().catch((error) => {
        e.phase = "idle";
        this.#emit(e, {
          state: "failed",
          message: `${outcome}; carrying it out failed: ${(error as Error).message}`,
        });
        throw error;
      }),
    );
  }

  toJSON(key: string): RetrainState | null {
    const e = this.#entries.get(key);
    if (e === undefined) return null;
    return {
      phase: e.phase,
      reason: e.reason ?? null,
      since: e.since === undefined ? null : String(e.since),
      normalRows: e.normalRows,
      job: e.job ?? null,
      shadow:
        e.shadow === undefined
          ? null
          : {
              model: e.shadow.runtime.id,
              threshold: e.shadow.threshold.toJSON(),
              evaluation: e.shadow.evaluation.toJSON(),
            },
    };
  }

  /**
   * Restores an asset's state from a snapshot. A retrain that was training when the process stopped
   * is reported failed (its job is gone) and the policy starts over; a shadow period resumes.
   */
  async restore(asset: AssetRef, state: unknown): Promise<void> {
    const s = state as RetrainState | null;
    if (s === null || typeof s !== "object" || typeof s.phase !== "string") return;
    const e = this.#entry(asset);
    e.since = s.since === null ? undefined : BigInt(s.since);
    e.normalRows = s.normalRows;
    e.job = s.job ?? undefined;
    e.phase = s.phase === "training" ? "idle" : s.phase;
    e.reason = s.reason ?? undefined;
    if (s.phase === "training" && e.job !== undefined)
      this.#emit(e, { state: "failed", message: "interrupted by a restart" });
    if (s.phase === "shadow" && s.shadow !== null) {
      try {
        const runtime = await this.#c.loadModel(s.shadow.model);
        e.shadow = {
          runtime,
          threshold: Dspot.fromJSON(s.shadow.threshold),
          evaluation: new ShadowEvaluation(s.shadow.evaluation),
        };
      } catch (error) {
        e.phase = "idle";
        this.#c.onError(error);
      }
    } else if (s.phase === "shadow") e.phase = "idle";
  }

  /** Waits for background training and promotion to finish. */
  async close(): Promise<void> {
    while (this.#work.size > 0) await Promise.all([...this.#work]);
  }
}
