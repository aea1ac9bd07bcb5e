import { VigilArgumentError } from "../errors/index.ts";

/** One explained instance: the channels ranked by the explainer (most responsible first) and the true ones. */
export interface RankedInstance {
  readonly ranking: readonly string[];
  /** The channels labelled as involved (SMD's interpretation labels); must not be empty. */
  readonly truth: readonly string[];
}

export interface InterpretationScores {
  /** HitRate@P%: mean over instances of |top-k ∩ truth| / |truth| with k = ⌊P% · |truth|⌋. */
  readonly hitRate: number;
  /** NDCG@P%: mean over instances of DCG@k / ideal DCG@k, binary relevance, same k. */
  readonly ndcg: number;
  readonly instances: number;
}

/** k = ⌊P/100 · |truth|⌋, at least 1 so that a one-channel truth is still scored at P = 100 and 150. */
function cutoff(truth: number, percent: number): number {
  return Math.max(1, Math.floor((percent / 100) * truth));
}

/**
 * Root-cause ranking quality in the form used with SMD's interpretation labels: HitRate@P% (Su et
 * al., OmniAnomaly, KDD 2019) and NDCG@P% (Li et al., InterFusion, KDD 2021), usually reported at
 * P = 100 and 150. With k = ⌊P% · |truth|⌋, HitRate is the share of the true channels found in the
 * top k (P > 100 gives the ranking some slack); NDCG also rewards finding them early, with gain
 * 1 / log₂(rank + 1) against the ideal order. Both lie in [0, 1], averaged over instances (SMD
 * averages over anomalous time points; an event-level explainer passes one instance per event).
 * A uniformly random ranking of C channels has HitRate@P% = k / C in expectation.
 */
export function interpretationScores(
  instances: readonly RankedInstance[],
  percent: number,
): InterpretationScores {
  if (!(percent > 0) || !Number.isFinite(percent)) {
    throw new VigilArgumentError(`Expected a positive percentage for percent but received ${percent}`, {
      name: "percent",
    });
  }
  if (instances.length === 0) {
    throw new VigilArgumentError("Expected at least one ranked instance but received none", {
      name: "instances",
    });
  }
  let hitRate = 0;
  let ndcg = 0;
  for (const [i, { ranking, truth }] of instances.entries()) {
    const relevant = new Set(truth);
    if (relevant.size === 0) {
      throw new VigilArgumentError(`Expected a non-empty truth for instance ${i} but received none`, {
        name: "truth",
      });
    }
    const k = cutoff(relevant.size, percent);
    let hits = 0;
    let dcg = 0;
    ranking.slice(0, k).forEach((channel, rank) => {
      if (!relevant.has(channel)) return;
      hits++;
      dcg += 1 / Math.log2(rank + 2);
    });
    let ideal = 0;
    for (let rank = 0; rank < Math.min(k, relevant.size); rank++) ideal += 1 / Math.log2(rank + 2);
    hitRate += hits / relevant.size;
    ndcg += dcg / ideal;
  }
  return { hitRate: hitRate / instances.length, ndcg: ndcg / instances.length, instances: instances.length };
}
