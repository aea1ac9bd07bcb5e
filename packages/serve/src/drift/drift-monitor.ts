import type { PageHinkleyState } from "@vigil/core/drift";
import { VigilInputError } from "@vigil/core/errors";
import type { DriftSignal, DriftStatus } from "../api/contract.ts";
import type { BlockWindowState } from "./block-window.ts";
import { ChannelDrift } from "./channel-drift.ts";
import { BlockBuilder, ChannelBins } from "./drift-block.ts";
import type { DriftReferenceState } from "./drift-reference.ts";
import { LatentDrift } from "./latent-drift.ts";
import { RandomFeatures } from "./random-features.ts";
import { ScoreDrift } from "./score-drift.ts";

/** JSON form of a DriftMonitor, part of the scorer's snapshot. */
export interface DriftMonitorState {
  readonly kind: "vigil.drift-monitor";
  readonly version: 1;
  readonly builder: ReturnType<BlockBuilder["toJSON"]>;
  readonly latent: BlockWindowState;
  readonly channel: BlockWindowState;
  readonly score: PageHinkleyState;
  readonly status: DriftStatus | null;
}

/** The drift part of DriftStatus (retraining adds its own field). */
export type DriftSignals = Pick<DriftStatus, "latent" | "score" | "channels">;

/** A signal that could not be calibrated (constant on the reference) never alarms and reports zeros. */
const threshold = (t: number | null) => t ?? Number.POSITIVE_INFINITY;
const finite = (v: number) => (Number.isFinite(v) ? v : 0);
const signal = (statistic: number, t: number | null): DriftSignal => ({
  statistic: finite(statistic),
  threshold: t ?? 0,
  alarm: statistic > threshold(t),
});

/**
 * One asset's drift monitor against its active model's reference: feeds every scored step into blocks,
 * and at each completed block updates latent drift (random-feature MMD of the detector's per-step
 * embedding), score drift (Page-Hinkley on block-mean calibrated scores) and per-channel PSI, each with
 * the threshold calibrated to the reference's ERT. Before a window fills a signal reads 0 and never alarms.
 */
export class DriftMonitor {
  readonly reference: DriftReferenceState;
  readonly #builder: BlockBuilder;
  readonly #latent: LatentDrift;
  readonly #channel: ChannelDrift;
  readonly #score: ScoreDrift;
  #status: DriftSignals | undefined;

  constructor(reference: DriftReferenceState, state?: DriftMonitorState) {
    if (state !== undefined && (state.kind !== "vigil.drift-monitor" || state.version !== 1)) {
      throw new VigilInputError('expected kind "vigil.drift-monitor" and version 1', {
        source: "drift monitor state",
      });
    }
    this.reference = reference;
    const o = reference.options;
    const bins = new ChannelBins(reference.edges.map((e) => Float64Array.from(e)));
    this.#builder = new BlockBuilder(new RandomFeatures(reference.features), bins);
    if (state !== undefined) this.#builder.restore(state.builder);
    this.#latent = new LatentDrift(
      Float64Array.from(reference.referenceFeatures),
      o.windowBlocks,
      threshold(reference.latent.threshold),
      state?.latent,
    );
    this.#channel = new ChannelDrift(
      bins,
      Float64Array.from(reference.expected),
      o.windowBlocks,
      threshold(reference.channel.threshold),
      state?.channel,
    );
    this.#score = new ScoreDrift(
      {
        delta: reference.scoreDelta,
        threshold: threshold(reference.score.threshold),
        minInstances: o.windowBlocks,
      },
      state?.score,
    );
    this.#status = state?.status ?? undefined;
  }

  /** The latest signals; undefined before the first block. */
  get status(): DriftSignals | undefined {
    return this.#status;
  }

  /** Feeds one scored step (calibrated score, embedding, raw channel row); returns new signals when a block completes. */
  add(score: number, embedding: ArrayLike<number>, row: ArrayLike<number>): DriftSignals | undefined {
    this.#builder.add(score, embedding, row);
    if (this.#builder.steps < this.reference.options.blockSteps) return undefined;
    const block = this.#builder.take();
    const latent = this.#latent.observe(block);
    this.#channel.observe(block);
    const scoreStep = this.#score.observe(block);
    const ref = this.reference;
    const channels: Record<string, DriftSignal> = {};
    ref.channels.forEach((name, c) => {
      channels[name] = signal(this.#channel.perChannel[c]!, ref.channel.threshold);
    });
    this.#status = {
      latent: signal(latent.statistic, ref.latent.threshold),
      score: { ...signal(scoreStep.statistic, ref.score.threshold), alarm: scoreStep.drift },
      channels,
    };
    return this.#status;
  }

  /** True when any signal alarmed at the latest block. */
  get alarm(): boolean {
    const s = this.#status;
    return (
      s !== undefined && (s.latent.alarm || s.score.alarm || Object.values(s.channels).some((c) => c.alarm))
    );
  }

  toJSON(): DriftMonitorState {
    return {
      kind: "vigil.drift-monitor",
      version: 1,
      builder: this.#builder.toJSON(),
      latent: this.#latent.toJSON(),
      channel: this.#channel.toJSON(),
      score: this.#score.toJSON(),
      status: this.#status === undefined ? null : { ...this.#status },
    };
  }
}
