/** One step of an online drift detector: drift is flagged when the statistic exceeds the threshold. */
export interface OnlineDriftStep {
  readonly drift: boolean;
  readonly statistic: number;
}

/**
 * A streaming detector whose alarm rule is `statistic > threshold`. Built with threshold = Infinity it never
 * alarms nor resets, which is how calibrateThresholdForERT reads its drift-free statistic paths.
 */
export interface OnlineDriftDetector {
  step(x: number): OnlineDriftStep;
}
