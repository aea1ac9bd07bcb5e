/** What the coordinator sends a site each round. */
export interface TrainRequest {
  readonly round: number;
  /** The global model as a "global" wire message (see encodeMessage). */
  readonly model: Uint8Array;
}

/**
 * A site as the coordinator sees it: given the global model it trains on its own data, which never
 * leaves it, and answers with an "update" wire message (its delta and sample count).
 */
export interface FederatedClient {
  readonly id: string;
  train(request: TrainRequest): Promise<Uint8Array>;
}
