import assert from "node:assert/strict";
import { test } from "node:test";
import { VigilArgumentError } from "@vigil/core/errors";
import {
  CRYO_CHANNELS,
  CRYO_EDGES,
  CRYO_FAULT_MODES,
  type CryoChannel,
  type CryoMagnet,
  dagDescendants,
  simulateCryoFleet,
} from "../../src/simulate/index.ts";

const SMALL = { sites: 2, magnetsPerSite: 2, days: 3, baseSampleSeconds: 30 };

test("is deterministic for a seed and differs between seeds", () => {
  const a = simulateCryoFleet({ ...SMALL, seed: 7 });
  const b = simulateCryoFleet({ ...SMALL, seed: 7 });
  const c = simulateCryoFleet({ ...SMALL, seed: 8 });
  for (let k = 0; k < a.magnets.length; k++) {
    assert.deepEqual(a.magnets[k]!.series, b.magnets[k]!.series);
    assert.deepEqual(a.magnets[k]!.faults, b.magnets[k]!.faults);
  }
  assert.notDeepEqual(a.magnets[0]!.series.values[0], c.magnets[0]!.series.values[0]);
});

test("sites differ: sampling rates and data volumes span 10×, set-points and noise differ", () => {
  const fleet = simulateCryoFleet({ ...SMALL, sites: 3, magnetsPerSite: 1 });
  const [first, , last] = fleet.magnets;
  assert.equal(first!.series.timestamps.length, 3 * 2880);
  assert.equal(last!.series.timestamps.length, 3 * 288);
  assert.equal(first!.series.channels[0]!.rateHz, 1 / 30);
  assert.equal(last!.series.channels[0]!.rateHz, 1 / 300);
  assert.notEqual(first!.site.setPoints[5], last!.site.setPoints[5]);
  assert.notEqual(first!.site.noiseFactor, last!.site.noiseFactor);
  assert.deepEqual(
    fleet.magnets.map((m) => m.series.asset),
    [1, 2, 3].map((s) => ({ site: `site-${s}`, machine: "magnet-1" })),
  );
  for (const m of fleet.magnets) {
    const t = m.series.timestamps;
    for (let i = 1; i < t.length; i++) assert.ok(t[i]! > t[i - 1]!, "timestamps increase");
  }
});

test("labels: fault intervals name their root cause; time to failure counts down to each failure", () => {
  const fleet = simulateCryoFleet({ ...SMALL, faultsPerMagnet: 2, days: 8 });
  const modes = new Set(fleet.magnets.flatMap((m) => m.faults.map((f) => f.mode)));
  assert.deepEqual([...modes].sort(), [...CRYO_FAULT_MODES].sort());
  for (const m of fleet.magnets) {
    assert.equal(m.faults.length, 2);
    const faultLabels = m.series.labels!.filter((l) => l.type.startsWith("fault:"));
    assert.deepEqual(
      faultLabels.map((l) => [l.type, l.channel, l.start, l.end]),
      m.faults.map((f) => [`fault:${f.mode}`, f.rootCause, f.onsetNs, f.failureNs]),
    );
    const t = m.series.timestamps;
    const last = m.faults[1]!.failureNs;
    for (let i = 0; i < t.length; i += 97) {
      const next = m.faults.find((f) => f.failureNs >= t[i]!);
      const expected = next === undefined ? Number.POSITIVE_INFINITY : Number(next.failureNs - t[i]!) / 1e9;
      assert.equal(m.timeToFailure[i], expected);
    }
    // Faults leave room for their downtime, so every run ends after its last failure.
    assert.ok(t[t.length - 1]! > last);
    assert.equal(m.timeToFailure[t.length - 1], Number.POSITIVE_INFINITY);
    // After a failure the magnet is down: every channel missing through the downtime label.
    const down = m.series.labels!.find((l) => l.type === "downtime")!;
    const i = t.findIndex((x) => x > down.start + 1_000_000_000n);
    for (const column of m.series.values) assert.ok(Number.isNaN(column[i]!));
  }
});

test("glitches and outages are labelled where they are", () => {
  const fleet = simulateCryoFleet({ ...SMALL, days: 10, sites: 1, magnetsPerSite: 3 });
  let glitches = 0;
  let gaps = 0;
  for (const m of fleet.magnets) {
    const { timestamps, values, labels } = m.series;
    for (const l of labels!.filter((x) => x.type === "glitch" || x.type === "gap")) {
      const i = timestamps.indexOf(l.start);
      assert.ok(i >= 0, "labels start on a sample");
      if (l.type === "glitch") {
        glitches++;
        const c = CRYO_CHANNELS.indexOf(l.channel as CryoChannel);
        const v = values[c]![i]!;
        const z = (v - m.site.setPoints[c]!) / m.site.spreads[c]!;
        assert.ok(v === 0 || Math.abs(Math.abs(z) - 10) < 1e-9, `glitch value ${v}`);
      }
      if (l.type === "gap") {
        gaps++;
        const j = timestamps.indexOf(l.end);
        for (const column of values) assert.ok(column.subarray(i, j + 1).every(Number.isNaN));
      }
    }
  }
  assert.ok(glitches > 10 && gaps > 0, `${glitches} glitches, ${gaps} gaps`);
});

/** Mean and standard deviation of a column's non-missing values in [from, to). */
function moments(column: Float64Array, from: number, to: number): { mean: number; std: number } {
  let n = 0;
  let s = 0;
  let ss = 0;
  for (let i = from; i < to; i++) {
    const v = column[i]!;
    if (Number.isNaN(v)) continue;
    n++;
    s += v;
    ss += v * v;
  }
  const mean = s / n;
  return { mean, std: Math.sqrt(ss / n - mean * mean) };
}

/** First row after `from` where a 30-row mean sits more than `k` baseline σ from the baseline mean. */
function firstCrossing(
  column: Float64Array,
  from: number,
  to: number,
  base: { mean: number; std: number },
  k: number,
) {
  for (let i = from + 30; i <= to; i++) {
    const { mean } = moments(column, i - 30, i);
    if (Math.abs(mean - base.mean) > k * base.std) return i;
  }
  return Number.POSITIVE_INFINITY;
}

/** Start of the shortest window ending at `end` that holds `count` readings (outages skipped). */
function lastReadings(column: Float64Array, end: number, count: number): number {
  let i = end;
  for (let seen = 0; i > 0 && seen < count; i--) if (!Number.isNaN(column[i]!)) seen++;
  return i;
}

/** The readings with labelled glitches blanked, as an analyst would use the labels. */
function withoutGlitches(m: CryoMagnet): Float64Array[] {
  const clean = m.series.values.map((column) => column.slice());
  for (const l of m.series.labels!) {
    if (l.type !== "glitch") continue;
    clean[CRYO_CHANNELS.indexOf(l.channel as CryoChannel)]![m.series.timestamps.indexOf(l.start)] =
      Number.NaN;
  }
  return clean;
}

function faultRows(m: CryoMagnet): { onset: number; failure: number } {
  const t = m.series.timestamps;
  const f = m.faults[0]!;
  return { onset: t.findIndex((x) => x >= f.onsetNs), failure: t.findLastIndex((x) => x <= f.failureNs) };
}

test("faults propagate through the SCM: the root cause deviates first, non-descendants never", () => {
  // One magnet per fault mode, 10 s sampling, long enough for every mode's nominal duration.
  const fleet = simulateCryoFleet({ seed: 3, sites: 1, magnetsPerSite: 4, days: 24, baseSampleSeconds: 10 });
  for (const m of fleet.magnets) {
    const fault = m.faults[0]!;
    const { onset, failure } = faultRows(m);
    const below = dagDescendants(fleet.dag, fault.rootCause);
    const crossings = new Map<CryoChannel, number>();
    const clean = withoutGlitches(m);
    for (const [c, name] of CRYO_CHANNELS.entries()) {
      const column = clean[c]!;
      const base = moments(column, Math.max(0, onset - 8640), onset);
      crossings.set(name, firstCrossing(column, onset, failure, base, 5));
      // Direct children shift the way the edge's sign says, by at least one baseline σ at failure.
      const edge = CRYO_EDGES.find((e) => e.from === fault.rootCause && e.to === name);
      if (edge === undefined) continue;
      const end = moments(column, lastReadings(column, failure, 30), failure + 1);
      const root = clean[CRYO_CHANNELS.indexOf(fault.rootCause)]!;
      const rootShift =
        moments(root, lastReadings(root, failure, 30), failure + 1).mean -
        moments(root, Math.max(0, onset - 8640), onset).mean;
      const shift = (end.mean - base.mean) / base.std;
      assert.equal(Math.sign(shift), Math.sign(edge.weight) * Math.sign(rootShift), `${fault.mode}: ${name}`);
      assert.ok(Math.abs(shift) > 1, `${fault.mode}: ${name} shifted ${shift.toFixed(2)} σ`);
    }
    const rootCrossing = crossings.get(fault.rootCause)!;
    assert.ok(Number.isFinite(rootCrossing), `${fault.mode}: the root cause ${fault.rootCause} deviates`);
    for (const [name, at] of crossings) {
      if (name === fault.rootCause) continue;
      if (below.has(name))
        assert.ok(at >= rootCrossing, `${fault.mode}: ${name} deviates before the root cause`);
      else assert.equal(at, Number.POSITIVE_INFINITY, `${fault.mode}: non-descendant ${name} deviates`);
    }
  }
});

test("rejects unknown options and fleets too short for their faults", () => {
  assert.throws(() => simulateCryoFleet({ magnets: 2 } as never), VigilArgumentError);
  assert.throws(() => simulateCryoFleet({ sites: 0 }), /positive integer for sites/);
  assert.throws(() => simulateCryoFleet({ days: 1, faultsPerMagnet: 3 }), /too short/);
  assert.throws(() => simulateCryoFleet({ faultModes: ["bearing-rust" as never] }), VigilArgumentError);
});
