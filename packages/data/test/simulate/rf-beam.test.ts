import assert from "node:assert/strict";
import { test } from "node:test";
import { simulateRfBeam } from "../../src/simulate/rf-beam.ts";

const SHORT = { durationSeconds: 900, stations: 12, spareStations: 2, misconfiguredStations: 1 };

test("is deterministic for a seed and differs between seeds", () => {
  const a = simulateRfBeam({ ...SHORT, seed: 5 });
  const b = simulateRfBeam({ ...SHORT, seed: 5 });
  const c = simulateRfBeam({ ...SHORT, seed: 6 });
  assert.deepEqual(a.beam.timestamps, b.beam.timestamps);
  assert.deepEqual(a.beam.values, b.beam.values);
  assert.deepEqual(a.stations, b.stations);
  assert.deepEqual(a.truth, b.truth);
  assert.notDeepEqual(a.beam.values[1]!.subarray(0, 100), c.beam.values[1]!.subarray(0, 100));
});

test("beam: 120 Hz rows with TMIT and dispersive position per BPM, duplicates and kicks as recorded", () => {
  const sim = simulateRfBeam({ ...SHORT, seed: 2, duplicatePeriodsPerHour: 20, kickModeFraction: 1 });
  const { beam, truth } = sim;
  // Four BPMs, each a TMIT channel followed by its dispersive position.
  assert.equal(beam.channels.length, 8);
  beam.channels.forEach((c, k) => {
    const bpm = beam.channels[k - (k % 2)]!.name.replace(/:TMIT$/, "");
    assert.ok(
      k % 2 === 0 ? c.name === `${bpm}:TMIT` : /:[XY]$/.test(c.name) && c.name.startsWith(bpm),
      c.name,
    );
  });
  // Rows = pulses kept + duplicates; wrong-rate periods lose rows.
  const pulses = 900 * 120;
  assert.ok(beam.timestamps.length <= pulses + truth.duplicatedRows.length);
  for (let i = 1; i < beam.timestamps.length; i++) assert.ok(beam.timestamps[i]! >= beam.timestamps[i - 1]!);
  assert.ok(truth.duplicatedRows.length > 0 && truth.kickedRows.length > 0);
  for (const r of truth.duplicatedRows) {
    assert.ok(beam.timestamps[r]! - beam.timestamps[r - 1]! < 10_000n);
    for (const column of beam.values) assert.equal(column[r], column[r - 1]);
  }
  for (const r of truth.kickedRows) for (const c of [0, 2, 4, 6]) assert.ok(beam.values[c]![r]! < 1e8);
  // Away from anomalies and kicks, the beam is there.
  assert.ok(beam.values[4]!.filter((v) => v > 5e8).length > 0.9 * beam.timestamps.length);
  assert.equal(beam.labels?.length, truth.anomalies.length);
});

test("stations: change-only reports at ≤ 5 s scans, spares flagged not in use", () => {
  const sim = simulateRfBeam({ ...SHORT, seed: 3, stationSwaps: 0 });
  let spares = 0;
  for (const s of sim.stations) {
    for (const signal of [s.amplitude, s.status, s.inUse]) {
      for (let i = 1; i < signal.values.length; i++) {
        assert.notEqual(signal.values[i], signal.values[i - 1], `${s.name} repeats a value`);
        assert.ok(signal.timestampsNs[i]! > signal.timestampsNs[i - 1]!);
      }
    }
    // The first scan comes within one interval of the start.
    assert.ok(s.amplitude.timestampsNs[0]! - sim.options.startNs <= 5_000_000_000n);
    if (s.inUse.values[0] === 0) {
      spares++;
      assert.equal(s.status.values[0], 1);
    }
  }
  assert.equal(spares, 2);
  assert.equal(sim.truth.misconfiguredStations.length, 1);
});

test("every injected anomaly is on a station in use and faults lose the beam", () => {
  const sim = simulateRfBeam({ ...SHORT, seed: 4, faultsPerHour: 40, sustainedPerHour: 0 });
  assert.ok(sim.truth.anomalies.length > 3);
  const { timestamps, values } = sim.beam;
  for (const a of sim.truth.anomalies) {
    assert.equal(a.kind, "fault");
    let lost = 0;
    for (let i = 0; i < timestamps.length; i++) {
      if (timestamps[i]! >= a.onsetNs && timestamps[i]! < a.onsetNs + 400_000_000n && values[4]![i]! < 1e8)
        lost++;
    }
    assert.ok(lost > 0, `fault at ${a.onsetNs} loses no beam`);
  }
});

test("rejects unknown and invalid options", () => {
  assert.throws(() => simulateRfBeam({ durationSecs: 10 } as never), /Unknown option "durationSecs"/);
  assert.throws(() => simulateRfBeam({ stations: 1 }), /stations/);
});
