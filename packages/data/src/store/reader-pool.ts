import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

/**
 * Read connections handed out one query at a time. A DuckDB connection runs one statement at a time:
 * two reads sharing one (a streamed result still being fetched while another query starts) return
 * each other's or empty results. Connections are opened lazily up to `max`; further reads wait.
 */
export class ReaderPool {
  readonly #instance: DuckDBInstance;
  readonly #max: number;
  readonly #idle: DuckDBConnection[] = [];
  readonly #all: DuckDBConnection[] = [];
  #opening = 0;
  readonly #waiting: ((connection: DuckDBConnection) => void)[] = [];

  constructor(instance: DuckDBInstance, max: number) {
    this.#instance = instance;
    this.#max = max;
  }

  /** Runs `work` with a connection of its own, returning the connection to the pool afterwards. */
  async use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.#acquire();
    try {
      return await work(connection);
    } finally {
      this.#release(connection);
    }
  }

  async #acquire(): Promise<DuckDBConnection> {
    const idle = this.#idle.pop();
    if (idle !== undefined) return idle;
    if (this.#all.length + this.#opening < this.#max) {
      // Counted before the await so concurrent callers cannot overshoot the limit.
      this.#opening++;
      try {
        const connection = await this.#instance.connect();
        this.#all.push(connection);
        return connection;
      } finally {
        this.#opening--;
      }
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(connection: DuckDBConnection): void {
    const next = this.#waiting.shift();
    if (next !== undefined) next(connection);
    else this.#idle.push(connection);
  }

  closeSync(): void {
    for (const connection of this.#all) connection.closeSync();
  }
}
