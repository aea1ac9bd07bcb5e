import assert from "node:assert/strict";
import { test } from "node:test";
import { runSimulatedBench } from "../../src/pipeline/index.ts";

test("on a short simulation, beam corroboration lifts precision far above the diagnostics alone", () => {
  const r = runSimulatedBench({
    seed: 11,
    durationSeconds: 3600,
    faultsPerHour: 16,
    sustainedPerHour: 24,
    ammFalseAlarmsPerHour: 48,
    amplitudeMisreadsPerHour: 40,
    operatorStepsPerHour: 20,
    rateFailuresPerHour: 3,
    duplicatePeriodsPerHour: 3,
  });
  assert.ok(r.ampl.anomalies >= 15, `AMPL anomalies ${r.ampl.anomalies}`);
  assert.ok(r.ampl.alone.precision < 0.6, `AMPL alone ${r.ampl.alone.precision}`);
  assert.ok(
    r.amm.alone.precision > 0.15 && r.amm.alone.precision < 0.5,
    `AMM alone ${r.amm.alone.precision}`,
  );
  assert.ok(r.ampl.withBeam.precision >= 0.85, `AMPL+BPM precision ${r.ampl.withBeam.precision}`);
  assert.ok(r.ampl.withBeam.recall >= 0.9, `AMPL+BPM recall ${r.ampl.withBeam.recall}`);
  assert.ok(r.amm.withBeam.precision >= 0.8, `AMM+BPM precision ${r.amm.withBeam.precision}`);
  for (const step of r.run.quality) assert.ok(step.removedRows > 0, `${step.step} removed nothing`);
  assert.ok(r.run.ignoredStatusBlocks.length >= 2, "misconfigured AMM stations are ignored");
  assert.ok(r.background.windows > 1000 && r.background.rate < 0.15);
});

test("default simulator: the issue's targets (VIGIL_HEAVY=1)", {
  skip: process.env.VIGIL_HEAVY !== "1",
}, () => {
  for (const seed of [1, 2, 3]) {
    const r = runSimulatedBench({ seed });
    assert.ok(r.ampl.withBeam.precision >= 0.9, `seed ${seed}: precision ${r.ampl.withBeam.precision}`);
    assert.ok(r.ampl.withBeam.recall >= 0.95, `seed ${seed}: recall ${r.ampl.withBeam.recall}`);
    assert.ok(
      Math.abs(r.amm.alone.precision - 0.31) < 0.08,
      `seed ${seed}: AMM-only ${r.amm.alone.precision}`,
    );
  }
});
