import type { OnlineDriftStep } from "@vigil/core/drift";
import { BlockWindow, type BlockWindowState } from "./block-window.ts";
import type { ChannelBins, DriftBlock } from "./drift-block.ts";

/** Floor on a bin's fraction so that an empty bin does not make the index infinite (as core's psi()). */
const EPSILON = 1e-4;

/**
 * Per-channel data drift: the population stability index Σ (a − e)·ln(a / e) of each channel's values
 * over the last `windowBlocks` blocks against the reference's bin fractions. The alarm statistic is the
 * largest channel PSI, so one threshold holds the false-alarm rate for the asset as a whole. The bins
 * are counted incrementally (core's psi() re-sorts both samples per call, too slow to simulate the
 * thousands of streams the ERT calibration needs); same bins and floor as psi().
 */
export class ChannelDrift {
  readonly #bins: ChannelBins;
  readonly #expected: Float64Array;
  readonly #threshold: number;
  readonly #window: BlockWindow;
  readonly perChannel: Float64Array;

  constructor(
    bins: ChannelBins,
    expected: Float64Array,
    windowBlocks: number,
    threshold: number,
    state?: BlockWindowState,
  ) {
    this.#bins = bins;
    this.#expected = expected;
    this.#threshold = threshold;
    this.#window =
      state === undefined ? new BlockWindow(bins.length, windowBlocks) : BlockWindow.fromJSON(state);
    this.perChannel = new Float64Array(bins.edges.length).fill(Number.NEGATIVE_INFINITY);
  }

  observe(block: DriftBlock): OnlineDriftStep {
    this.#window.add(block.histogram);
    const counts = this.#window.sum;
    const offsets = this.#bins.offsets;
    let statistic = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < this.perChannel.length; c++) {
      let total = 0;
      for (let k = offsets[c]!; k < offsets[c + 1]!; k++) total += counts[k]!;
      let value = Number.NEGATIVE_INFINITY;
      if (this.#window.full && total > 0) {
        value = 0;
        for (let k = offsets[c]!; k < offsets[c + 1]!; k++) {
          const a = Math.max(counts[k]! / total, EPSILON);
          const e = this.#expected[k]!;
          value += (a - e) * Math.log(a / e);
        }
      }
      this.perChannel[c] = value;
      statistic = Math.max(statistic, value);
    }
    return { drift: statistic > this.#threshold, statistic };
  }

  toJSON(): BlockWindowState {
    return this.#window.toJSON();
  }
}

/** Reference bin fractions, floored like the current ones. */
export function expectedFractions(bins: ChannelBins, histogram: Float64Array): Float64Array {
  const out = new Float64Array(histogram.length);
  for (let c = 0; c < bins.edges.length; c++) {
    let total = 0;
    for (let k = bins.offsets[c]!; k < bins.offsets[c + 1]!; k++) total += histogram[k]!;
    for (let k = bins.offsets[c]!; k < bins.offsets[c + 1]!; k++)
      out[k] = Math.max(total === 0 ? 0 : histogram[k]! / total, EPSILON);
  }
  return out;
}
