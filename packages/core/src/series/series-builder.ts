import { VigilArgumentError } from "../errors/vigil-error.ts";
import type { AssetRef, ChannelInfo, Label, Series } from "./types.ts";
import { validateSeries } from "./validate-series.ts";

/**
 * Grows a Series row by row with amortised O(1) appends (capacity doubles), for readers that do not
 * know the row count in advance. Channels may be added later (JSON Lines); earlier rows read NaN.
 */
export class SeriesBuilder {
  readonly #channels: ChannelInfo[];
  #columns: Float64Array[];
  #timestamps: BigInt64Array;
  #length = 0;

  constructor(channels: readonly ChannelInfo[], initialCapacity = 1024) {
    this.#channels = [...channels];
    const capacity = Math.max(1, initialCapacity);
    this.#timestamps = new BigInt64Array(capacity);
    this.#columns = channels.map(() => new Float64Array(capacity));
  }

  get length(): number {
    return this.#length;
  }

  get channels(): readonly ChannelInfo[] {
    return this.#channels;
  }

  /** Adds a channel whose earlier rows are missing (NaN); returns its index. */
  addChannel(info: ChannelInfo): number {
    const column = new Float64Array(this.#timestamps.length).fill(Number.NaN);
    this.#channels.push(info);
    this.#columns.push(column);
    return this.#columns.length - 1;
  }

  /** Appends one row; `values[c]` is channel c (missing entries read as NaN). */
  append(timestamp: bigint, values: ArrayLike<number>): void {
    if (values.length > this.#columns.length) {
      throw new VigilArgumentError(
        `Row has ${values.length} values but the builder has ${this.#columns.length} channels`,
      );
    }
    if (this.#length === this.#timestamps.length) this.#grow();
    const i = this.#length++;
    this.#timestamps[i] = timestamp;
    const columns = this.#columns;
    for (let c = 0; c < columns.length; c++) columns[c]![i] = c < values.length ? values[c]! : Number.NaN;
  }

  #grow(): void {
    const capacity = this.#timestamps.length * 2;
    const timestamps = new BigInt64Array(capacity);
    timestamps.set(this.#timestamps);
    this.#timestamps = timestamps;
    this.#columns = this.#columns.map((old) => {
      const column = new Float64Array(capacity);
      column.set(old);
      return column;
    });
  }

  /** The rows so far as a validated Series (copied to exact length), and resets the builder to empty. */
  build(extra: { asset?: AssetRef; labels?: readonly Label[] } = {}): Series {
    const n = this.#length;
    const series: Series = {
      ...(extra.asset === undefined ? {} : { asset: extra.asset }),
      timestamps: this.#timestamps.slice(0, n),
      channels: [...this.#channels],
      values: this.#columns.map((column) => column.slice(0, n)),
      ...(extra.labels === undefined ? {} : { labels: extra.labels }),
    };
    this.#length = 0;
    return validateSeries(series);
  }
}
