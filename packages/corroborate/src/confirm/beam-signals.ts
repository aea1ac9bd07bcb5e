import type { Series } from "@vigil/core";
import { VigilArgumentError } from "@vigil/core";

/** Per BPM: the charge (TMIT) and the dispersive position, aligned by pulse. */
export interface BeamSignals {
  readonly names: readonly string[];
  readonly tmit: readonly Float64Array[];
  readonly position: readonly Float64Array[];
}

/**
 * Pairs each `<BPM>:TMIT` channel with the other channel of the same BPM (its dispersive X or Y), as in
 * the SLAC data ("BPMS:DMPH:502:TMIT" with "BPMS:DMPH:502:Y").
 */
export function beamSignalsFromSeries(series: Series): BeamSignals {
  const names: string[] = [];
  const tmit: Float64Array[] = [];
  const position: Float64Array[] = [];
  series.channels.forEach((channel, c) => {
    if (!channel.name.endsWith(":TMIT")) return;
    const bpm = channel.name.slice(0, -":TMIT".length);
    const p = series.channels.findIndex(
      (other) => other.name.startsWith(`${bpm}:`) && other.name !== channel.name,
    );
    if (p < 0) throw new VigilArgumentError(`No position channel found for ${channel.name}`);
    names.push(bpm);
    tmit.push(series.values[c]!);
    position.push(series.values[p]!);
  });
  if (names.length === 0)
    throw new VigilArgumentError("Expected at least one <BPM>:TMIT channel in the beam series");
  return { names, tmit, position };
}
