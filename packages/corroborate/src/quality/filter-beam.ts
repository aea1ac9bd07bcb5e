import type { Series } from "@vigil/core";
import { expectNumber, expectPositiveInteger, withDefaults } from "@vigil/core";
import { beamSignalsFromSeries } from "../confirm/beam-signals.ts";
import type { TimeWindow } from "../confirm/window-maxima.ts";
import { duplicateRowMask } from "./duplicate-rows.ts";
import { kickedPulseMask } from "./kicked-pulses.ts";
import { rateMask } from "./rate-mask.ts";
import { badRatePeriods, RATE_PERIOD_DEFAULTS, type RatePeriodOptions } from "./rate-periods.ts";
import { selectRows } from "./select-rows.ts";

export interface BeamQualityOptions extends RatePeriodOptions {
  rateHz: number;
  /** |Δ − 1/rate| tolerance of the rate mask and Δ of a duplicate row (Appendix C: 2.5e−4 s). */
  toleranceSeconds: number;
  lostTmit: number;
  maxKickPulses: number;
}

export const BEAM_QUALITY_DEFAULTS: BeamQualityOptions = {
  ...RATE_PERIOD_DEFAULTS,
  rateHz: 120,
  toleranceSeconds: 2.5e-4,
  lostTmit: 1e8,
  maxKickPulses: 2,
};

export interface QualityStep {
  readonly step: "duplicate-rows" | "bad-rate-periods" | "kicked-pulses";
  readonly removedRows: number;
  readonly detail: string;
}

export interface BeamQualityResult {
  readonly series: Series;
  readonly steps: readonly QualityStep[];
  /** Time spans dropped for a wrong recording rate: no candidate there can be judged. */
  readonly droppedPeriods: readonly TimeWindow[];
}

/**
 * SLAC Appendix C beam-data filters, in order: repair double logging (drop duplicate rows), drop periods
 * recorded at the wrong rate (BOCPD on the rate mask, good fraction < 85 %), remove kicked pulses. Each
 * step reports what it removed.
 */
export function filterBeamQuality(series: Series, options?: Partial<BeamQualityOptions>): BeamQualityResult {
  const o = withDefaults("filterBeamQuality", BEAM_QUALITY_DEFAULTS, options);
  expectNumber("rateHz", o.rateHz, Number.MIN_VALUE);
  expectNumber("toleranceSeconds", o.toleranceSeconds, 0);
  expectNumber("minGoodFraction", o.minGoodFraction, 0, 1);
  expectPositiveInteger("maxKickPulses", o.maxKickPulses);
  const steps: QualityStep[] = [];
  const duplicates = duplicateRowMask(series, o.toleranceSeconds);
  let current = selectRows(series, duplicates.keep);
  steps.push({
    step: "duplicate-rows",
    removedRows: duplicates.removed,
    detail: `${duplicates.removed} duplicate rows repaired`,
  });

  const mask = rateMask(current.timestamps, o.rateHz, o.toleranceSeconds);
  const bad = badRatePeriods(mask, o);
  const keep = new Uint8Array(mask.length).fill(1);
  const droppedPeriods: TimeWindow[] = [];
  let removed = 0;
  for (const p of bad) {
    keep.fill(0, p.from, p.to);
    removed += p.to - p.from;
    droppedPeriods.push({ start: current.timestamps[p.from]!, end: current.timestamps[p.to - 1]! });
  }
  current = selectRows(current, keep);
  const seconds = droppedPeriods.reduce((s, p) => s + Number(p.end - p.start) / 1e9, 0);
  steps.push({
    step: "bad-rate-periods",
    removedRows: removed,
    detail: `${bad.length} periods (${seconds.toFixed(0)} s) below ${o.minGoodFraction * 100} % good rate dropped`,
  });

  const kicks = kickedPulseMask(beamSignalsFromSeries(current).tmit, o.lostTmit, o.maxKickPulses);
  current = selectRows(current, kicks.keep);
  steps.push({
    step: "kicked-pulses",
    removedRows: kicks.removed,
    detail: `${kicks.removed} kicked pulses removed`,
  });
  return { series: current, steps, droppedPeriods };
}
