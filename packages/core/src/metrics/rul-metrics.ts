import { VigilArgumentError } from "../errors/index.ts";
import { expectSameLength } from "./inputs.ts";

/** Remaining-useful-life errors over units: d = predicted − true, one value per unit. */
export interface RulScores {
  /** √(mean d²), in cycles. */
  readonly rmse: number;
  /**
   * The PHM08 ("NASA") score Σ s(d), s(d) = exp(−d/13) − 1 for d < 0 (early) and exp(d/10) − 1 for
   * d ≥ 0 (late): late predictions cost more. Lower is better; 0 is perfect.
   */
  readonly phmScore: number;
  /** Mean d: below 0 the predictions are early on average, above 0 late. */
  readonly meanError: number;
  readonly count: number;
}

/** The PHM08 cost of one prediction error d = predicted − true (cycles). */
export function phmScoreTerm(d: number): number {
  return d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
}

/** RMSE and PHM08 score of RUL predictions against the true RUL, unit by unit (C-MAPSS protocol). */
export function rulScores(predicted: ArrayLike<number>, actual: ArrayLike<number>): RulScores {
  expectSameLength("predicted and actual RUL", predicted, actual);
  if (predicted.length === 0)
    throw new VigilArgumentError("Expected at least one RUL prediction but received none", {
      name: "predicted",
    });
  let squares = 0;
  let score = 0;
  let sum = 0;
  for (let i = 0; i < predicted.length; i++) {
    const d = predicted[i]! - actual[i]!;
    if (!Number.isFinite(d))
      throw new VigilArgumentError(
        `Expected finite RUL values but index ${i} has predicted ${predicted[i]} and actual ${actual[i]}`,
        { name: "predicted" },
      );
    squares += d * d;
    score += phmScoreTerm(d);
    sum += d;
  }
  const n = predicted.length;
  return { rmse: Math.sqrt(squares / n), phmScore: score, meanError: sum / n, count: n };
}
