/**
 * Prometheus instruments kept in memory and rendered in the text exposition format (version 0.0.4).
 * Label values are escaped on output; label names are fixed per instrument when it is declared.
 */

type Labels = Readonly<Record<string, string>>;

const escapeLabel = (value: string): string =>
  value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

function labelText(names: readonly string[], values: readonly string[], extra = ""): string {
  const parts = names.map((n, i) => `${n}="${escapeLabel(values[i]!)}"`);
  if (extra !== "") parts.push(extra);
  return parts.length === 0 ? "" : `{${parts.join(",")}}`;
}

const formatValue = (v: number): string =>
  Number.isNaN(v) ? "NaN" : v === Infinity ? "+Inf" : v === -Infinity ? "-Inf" : String(v);

export interface Instrument {
  readonly name: string;
  render(): string;
}

abstract class Labelled<T> implements Instrument {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  protected readonly series = new Map<string, { values: string[]; state: T }>();

  constructor(name: string, help: string, labelNames: readonly string[]) {
    this.name = name;
    this.help = help;
    this.labelNames = labelNames;
  }

  protected entry(labels: Labels | undefined, fresh: () => T): T {
    const values = this.labelNames.map((n) => labels?.[n] ?? "");
    const key = values.join("\u0000");
    let found = this.series.get(key);
    if (found === undefined) {
      found = { values, state: fresh() };
      this.series.set(key, found);
    }
    return found.state;
  }

  protected header(type: string): string {
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} ${type}\n`;
  }

  abstract render(): string;
}

/** A count that only goes up (readings accepted, rejections by reason, ...). */
export class Counter extends Labelled<{ value: number }> {
  inc(labels?: Labels, by = 1): void {
    this.entry(labels, () => ({ value: 0 })).value += by;
  }

  get(labels?: Labels): number {
    return this.entry(labels, () => ({ value: 0 })).value;
  }

  render(): string {
    let out = this.header("counter");
    for (const { values, state } of this.series.values()) {
      out += `${this.name}${labelText(this.labelNames, values)} ${formatValue(state.value)}\n`;
    }
    return out;
  }
}

/** A value read when scraped (queue depth, connected clients). */
export class Gauge extends Labelled<{ read: () => number }> {
  /** Reports whatever `read` returns at each scrape. */
  track(read: () => number, labels?: Labels): void {
    this.entry(labels, () => ({ read })).read = read;
  }

  render(): string {
    let out = this.header("gauge");
    for (const { values, state } of this.series.values()) {
      out += `${this.name}${labelText(this.labelNames, values)} ${formatValue(state.read())}\n`;
    }
    return out;
  }
}

/** Observations counted into cumulative buckets (request durations, end-to-end latencies). */
export class Histogram extends Labelled<{ counts: Float64Array; sum: number; count: number }> {
  readonly buckets: readonly number[];

  constructor(name: string, help: string, labelNames: readonly string[], buckets: readonly number[]) {
    super(name, help, labelNames);
    this.buckets = [...buckets].sort((a, b) => a - b);
  }

  observe(value: number, labels?: Labels): void {
    const s = this.entry(labels, () => ({ counts: new Float64Array(this.buckets.length), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }

  render(): string {
    let out = this.header("histogram");
    for (const { values, state } of this.series.values()) {
      for (let i = 0; i < this.buckets.length; i++) {
        const le = `le="${formatValue(this.buckets[i]!)}"`;
        out += `${this.name}_bucket${labelText(this.labelNames, values, le)} ${state.counts[i]}\n`;
      }
      out += `${this.name}_bucket${labelText(this.labelNames, values, 'le="+Inf"')} ${state.count}\n`;
      out += `${this.name}_sum${labelText(this.labelNames, values)} ${formatValue(state.sum)}\n`;
      out += `${this.name}_count${labelText(this.labelNames, values)} ${state.count}\n`;
    }
    return out;
  }
}
