import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { loadSlacRf } from "@vigil/data/datasets";
import { judgeSlacEvent, SLAC_PAPER_THRESHOLD } from "../../src/pipeline/index.ts";

const DIR = new URL("../../../../../shared/data/slac_rf", import.meta.url).pathname;

test("the paper's threshold rescaled from k = 1.4286 to 1.4826", () => {
  assert.ok(Math.abs(SLAC_PAPER_THRESHOLD - 2.7443) < 1e-4);
});

test("real SLAC event slac-001 (a fault at KLYS:LI29:11) is flagged by AMPL and confirmed by the beam", {
  skip: !existsSync(`${DIR}/events/slac-001.arrays.json`),
}, async () => {
  const data = await loadSlacRf(DIR);
  const event = data.events.find((e) => e.id === "slac-001")!;
  const v = judgeSlacEvent(event);
  assert.equal(v.handLabel, true);
  assert.equal(v.confirmed, true);
  assert.ok(v.score > 10, `score ${v.score}`);
  // Stage 1 re-derived from the health arrays: the station's AMPL dropped to ~0 inside the window.
  assert.ok(v.amplitudeFlagged && v.amplitudeDeviation > 0.9, `deviation ${v.amplitudeDeviation}`);
  // Before the window the beam is quiet.
  const before = v.pulseScores.subarray(1250, 1400).filter((s) => !Number.isNaN(s));
  assert.ok(
    before.length > 100 && Math.max(...before) < SLAC_PAPER_THRESHOLD,
    `max before ${Math.max(...before)}`,
  );
  const missing = data.events.find((e) => e.bpm === undefined);
  if (missing !== undefined) assert.throws(() => judgeSlacEvent(missing), /no arrays/);
});
