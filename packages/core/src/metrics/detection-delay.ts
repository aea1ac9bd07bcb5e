import { VigilArgumentError } from "../errors/index.ts";
import { expectLabelPair, expectSameLength } from "./inputs.ts";
import { maskRanges } from "./ranges.ts";

export interface EventDetection {
  /** First and last labelled step of the true event (inclusive). */
  readonly start: number;
  readonly end: number;
  /** First flagged step inside the event, or undefined when it was missed. */
  readonly detectedAt: number | undefined;
  /** detectedAt − start in steps; undefined when missed. */
  readonly delaySteps: number | undefined;
  /** timestamps[detectedAt] − timestamps[start] in ns, when timestamps were given. */
  readonly delayNs: bigint | undefined;
}

/** Time to detection of each true event: the first flagged step inside it. */
export function timeToDetection(
  labels: Uint8Array,
  predictions: Uint8Array,
  timestamps?: BigInt64Array,
): EventDetection[] {
  expectLabelPair(labels, predictions);
  if (timestamps !== undefined) expectSameLength("labels and timestamps", labels, timestamps);
  return maskRanges(labels).map(({ start, end }) => {
    let detectedAt: number | undefined;
    for (let i = start; i <= end && detectedAt === undefined; i++) if (predictions[i] === 1) detectedAt = i;
    const delayNs =
      detectedAt === undefined || timestamps === undefined
        ? undefined
        : timestamps[detectedAt]! - timestamps[start]!;
    return {
      start,
      end,
      detectedAt,
      delaySteps: detectedAt === undefined ? undefined : detectedAt - start,
      delayNs,
    };
  });
}

/** Mean delay in steps over detected events; throws when none was detected. */
export function meanDelaySteps(detections: readonly EventDetection[]): number {
  const delays = detections.flatMap((d) => (d.delaySteps === undefined ? [] : [d.delaySteps]));
  if (delays.length === 0)
    throw new VigilArgumentError("Expected at least one detected event for meanDelaySteps");
  return delays.reduce((a, b) => a + b, 0) / delays.length;
}
