import { VigilArgumentError, VigilInputError } from "../errors/index.ts";
import { type AlertRuleOptions, type AlertRules, resolveAlertRules } from "./alert-options.ts";

/** An alert event: first and last time the score held above the rules, and its peak. Times are int64 ns. */
export interface AlertEvent {
  readonly start: bigint;
  readonly end: bigint;
  readonly peakScore: number;
  readonly peakTime: bigint;
}

/** "opened" when an event first lasts minDuration; "closed" once it has ended and the merge gap has passed. */
export interface AlertTransition {
  readonly type: "opened" | "closed";
  readonly event: AlertEvent;
}

type Phase = "idle" | "active" | "cooling";

/** JSON form of an AlertTracker: times as decimal strings, since JSON has no int64. */
export interface AlertTrackerState {
  readonly kind: "vigil.alert-tracker";
  readonly version: 1;
  readonly rules: { on: number; off: number; minDurationNs: string; mergeGapNs: string };
  readonly phase: Phase;
  readonly opened: boolean;
  readonly lastTime: string | null;
  readonly event: { start: string; end: string; peakScore: number; peakTime: string } | null;
}

/**
 * Turns a score stream into events with hysteresis (open at `on`, stay open while ≥ `off`), a minimum duration
 * and a merge gap. NaN scores (missing) neither extend nor end an event. Its state is JSON, so an event that is
 * open when the process stops is still open, and not alerted again, after a restart.
 */
export class AlertTracker {
  readonly rules: AlertRules;
  #phase: Phase = "idle";
  #opened = false;
  #lastTime: bigint | undefined;
  #event: { start: bigint; end: bigint; peakScore: number; peakTime: bigint } | undefined;

  constructor(options: Partial<AlertRuleOptions>) {
    this.rules = resolveAlertRules(options);
  }

  static fromJSON(state: unknown, source = "alert tracker state"): AlertTracker {
    const s = state as Partial<AlertTrackerState> | null;
    if (s === null || typeof s !== "object" || s.kind !== "vigil.alert-tracker" || s.version !== 1) {
      throw new VigilInputError('expected an object with kind "vigil.alert-tracker" and version 1', {
        source,
      });
    }
    const int = (v: unknown, column: string): bigint => {
      if (typeof v !== "string" || !/^-?\d+$/.test(v)) {
        throw new VigilInputError(`expected an integer string, got ${String(v)}`, { source, column });
      }
      return BigInt(v);
    };
    const r = s.rules;
    if (r === undefined || r === null || typeof r !== "object") {
      throw new VigilInputError("expected a rules object", { source, column: "rules" });
    }
    const tracker = new AlertTracker({
      on: r.on,
      off: r.off,
      minDurationNs: int(r.minDurationNs, "rules.minDurationNs"),
      mergeGapNs: int(r.mergeGapNs, "rules.mergeGapNs"),
    });
    if (s.phase !== "idle" && s.phase !== "active" && s.phase !== "cooling") {
      throw new VigilInputError(`expected phase idle, active or cooling, got ${String(s.phase)}`, {
        source,
        column: "phase",
      });
    }
    const e = s.event;
    if (
      (s.phase === "idle") !== (e === null) ||
      (e !== null && (typeof e !== "object" || typeof e.peakScore !== "number"))
    ) {
      throw new VigilInputError("expected an event exactly when the phase is not idle", {
        source,
        column: "event",
      });
    }
    tracker.#phase = s.phase;
    tracker.#opened = s.opened === true;
    tracker.#lastTime =
      s.lastTime === null || s.lastTime === undefined ? undefined : int(s.lastTime, "lastTime");
    tracker.#event =
      e === null || e === undefined
        ? undefined
        : {
            start: int(e.start, "event.start"),
            end: int(e.end, "event.end"),
            peakScore: e.peakScore,
            peakTime: int(e.peakTime, "event.peakTime"),
          };
    return tracker;
  }

  /** The event in progress once it has opened (lasted minDuration), else undefined. */
  get openEvent(): AlertEvent | undefined {
    return this.#opened && this.#event !== undefined ? { ...this.#event } : undefined;
  }

  /** Feeds one score at a time no earlier than the previous one; returns what changed. */
  push(time: bigint, score: number): AlertTransition[] {
    if (this.#lastTime !== undefined && time < this.#lastTime) {
      throw new VigilArgumentError(`Expected non-decreasing times but ${time} follows ${this.#lastTime}`);
    }
    this.#lastTime = time;
    const out: AlertTransition[] = [];
    this.#closeIfGapPassed(time, out);
    if (!Number.isNaN(score)) {
      const { on, off } = this.rules;
      if (this.#phase === "idle" && score >= on) {
        this.#event = { start: time, end: time, peakScore: score, peakTime: time };
        this.#phase = "active";
      } else if ((this.#phase === "active" && score >= off) || (this.#phase === "cooling" && score >= on)) {
        this.#extend(time, score);
        this.#phase = "active";
      } else if (this.#phase === "active") {
        this.#phase = "cooling";
      }
      this.#closeIfGapPassed(time, out);
    }
    const e = this.#event;
    if (
      this.#phase === "active" &&
      !this.#opened &&
      e !== undefined &&
      e.end - e.start >= this.rules.minDurationNs
    ) {
      this.#opened = true;
      out.push({ type: "opened", event: { ...e } });
    }
    return out;
  }

  /** Ends the event in progress as if the stream stopped (the end of a batch). */
  flush(): AlertTransition[] {
    const out: AlertTransition[] = [];
    if (this.#phase !== "idle") this.#close(out);
    return out;
  }

  toJSON(): AlertTrackerState {
    const e = this.#event;
    return {
      kind: "vigil.alert-tracker",
      version: 1,
      rules: {
        on: this.rules.on,
        off: this.rules.off,
        minDurationNs: String(this.rules.minDurationNs),
        mergeGapNs: String(this.rules.mergeGapNs),
      },
      phase: this.#phase,
      opened: this.#opened,
      lastTime: this.#lastTime === undefined ? null : String(this.#lastTime),
      event:
        e === undefined
          ? null
          : {
              start: String(e.start),
              end: String(e.end),
              peakScore: e.peakScore,
              peakTime: String(e.peakTime),
            },
    };
  }

  #extend(time: bigint, score: number): void {
    const e = this.#event!;
    e.end = time;
    if (score > e.peakScore) {
      e.peakScore = score;
      e.peakTime = time;
    }
  }

  #closeIfGapPassed(time: bigint, out: AlertTransition[]): void {
    if (this.#phase === "cooling" && time - this.#event!.end > this.rules.mergeGapNs) this.#close(out);
  }

  #close(out: AlertTransition[]): void {
    if (this.#opened) out.push({ type: "closed", event: { ...this.#event! } });
    this.#phase = "idle";
    this.#opened = false;
    this.#event = undefined;
  }
}
