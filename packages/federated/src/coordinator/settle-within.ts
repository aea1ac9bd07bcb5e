/** How a piece of work ended within its time limit. */
export type Settled<T> =
  | { readonly status: "ok"; readonly value: T }
  | { readonly status: "timeout" }
  | { readonly status: "failed"; readonly error: unknown };

/**
 * Waits for `work` at most `ms` milliseconds. Work that ends later is not waited for; its late
 * result or error is dropped (never an unhandled rejection), so one straggler cannot stall a round.
 */
export function settleWithin<T>(work: Promise<T>, ms: number): Promise<Settled<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ status: "timeout" }), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve({ status: "ok", value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ status: "failed", error });
      },
    );
  });
}
