/**
 * Walking back from `peak`, the first step of the run of scores above `threshold` that holds it,
 * not before `start`; undefined when the peak itself is not above the threshold.
 */
export function onsetStep(
  score: Float64Array,
  peak: number,
  start: number,
  threshold: number,
): number | undefined {
  if (!(score[peak]! > threshold)) return undefined;
  let onset = peak;
  while (onset > start && score[onset - 1]! > threshold) onset--;
  return onset;
}
