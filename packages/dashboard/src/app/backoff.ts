/** How long to wait before reconnecting, growing from `initialMs` to `maxMs` so a down service is not hammered. */
export interface BackoffOptions {
  /** Wait before the first retry (default 500 ms). */
  readonly initialMs?: number;
  /** Ceiling of the wait (default 15 s): a service back up is noticed within this long. */
  readonly maxMs?: number;
  /**
   * Fraction of random spread (default 0.2, i.e. ±20 %), so that many browsers reconnecting after a
   * restart do not arrive in lock-step.
   */
  readonly jitter?: number;
}

/** The wait before retry number `attempt` (0 for the first), with `random` in [0, 1) choosing the jitter. */
export function reconnectDelay(attempt: number, random: number, options: BackoffOptions = {}): number {
  const initialMs = options.initialMs ?? 500;
  const maxMs = options.maxMs ?? 15_000;
  const jitter = options.jitter ?? 0.2;
  const base = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 + jitter * (2 * random - 1)));
}
