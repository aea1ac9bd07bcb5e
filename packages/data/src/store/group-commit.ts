/** One write: statements run inside the batch's transaction. */
export type TransactionWork = () => Promise<void>;

interface Pending {
  readonly work: TransactionWork;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: writes submitted while a transaction is committing wait and then commit together in the
 * next one, so a burst of small appends costs one commit (one WAL sync) instead of one each, with no
 * added latency when writes are rare. A write's promise resolves only after its transaction committed.
 * If a batch fails, its writes are retried one per transaction so one bad write cannot sink the others.
 */
export class GroupCommit {
  readonly #execute: (sql: string) => Promise<void>;
  readonly #onRollback: () => void;
  readonly #beforeCommit: () => void;
  #pending: Pending[] = [];
  #draining: Promise<void> = Promise.resolve();
  #active = false;

  /**
   * `onRollback` lets the owner forget state (caches) that the rolled-back work had assumed.
   * `beforeCommit` runs once per transaction after its writes and before COMMIT: work that is costly
   * per call whatever its size (an appender flush) is done there once for the whole batch; if it
   * throws, the batch rolls back like a failing write.
   */
  constructor(
    execute: (sql: string) => Promise<void>,
    onRollback: () => void,
    beforeCommit: () => void = () => {},
  ) {
    this.#execute = execute;
    this.#onRollback = onRollback;
    this.#beforeCommit = beforeCommit;
  }

  submit(work: TransactionWork): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ work, resolve, reject });
      if (!this.#active) {
        this.#active = true;
        this.#draining = this.#drain();
      }
    });
  }

  /** Resolves once every write submitted so far has settled. */
  async settled(): Promise<void> {
    while (this.#active) await this.#draining;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending.splice(0);
        try {
          await this.#commit(batch);
          for (const p of batch) p.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else for (const p of batch) await this.#commit([p]).then(p.resolve, p.reject);
        }
      }
    } finally {
      // Cleared in the same turn that finds the queue empty, so a later submit always starts a drain.
      this.#active = false;
    }
  }

  async #commit(batch: readonly Pending[]): Promise<void> {
    await this.#execute("BEGIN TRANSACTION");
    try {
      for (const p of batch) await p.work();
      this.#beforeCommit();
      await this.#execute("COMMIT");
    } catch (error) {
      this.#onRollback();
      await this.#execute("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }
}
