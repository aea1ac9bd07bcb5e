import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "@vigil/core/random";
import { scoreBeam, windowMaxima } from "../../src/confirm/index.ts";

function beam(n: number, seed: number) {
  const rng = createRng(seed);
  const tmit = [0, 1, 2, 3].map(() =>
    Float64Array.from({ length: n }, () => 1e9 * (1 + 0.01 * rng.normal())),
  );
  const position = [0, 1, 2, 3].map(() => Float64Array.from({ length: n }, () => rng.normal()));
  return { names: ["a", "b", "c", "d"], tmit, position };
}

test("an energy jump on every BPM scores high; noise stays low", () => {
  const b = beam(3000, 3);
  for (const p of b.position) for (let i = 2000; i < 2300; i++) p[i] = p[i]! + 8;
  const score = scoreBeam(b, { windowPulses: 300 });
  assert.ok(Number.isNaN(score[608]!) && !Number.isNaN(score[609]!), "defined from 2l + a − 1");
  const noise = Math.max(...score.subarray(700, 1990));
  const jump = Math.max(...score.subarray(2000, 2300));
  assert.ok(noise < 3, `noise max ${noise}`);
  assert.ok(jump > 7, `jump max ${jump}`);
});

test("a lost beam is scored by TMIT even though the repeated positions look normal", () => {
  const b = beam(2000, 4);
  for (let i = 1500; i < 1520; i++) {
    for (let k = 0; k < 4; k++) {
      b.tmit[k]![i] = 1e6;
      b.position[k]![i] = b.position[k]![1499]!;
    }
  }
  const score = scoreBeam(b, { windowPulses: 300 });
  assert.ok(score[1519]! > 50, `score ${score[1519]}`);
  const withoutSwitch = scoreBeam(b, { windowPulses: 300, lostTmit: 0 });
  assert.ok(withoutSwitch[1519]! < 3, `position-only score ${withoutSwitch[1519]}`);
});

test("the aggregate is the geometric mean over the last pulses", () => {
  const b = beam(1000, 5);
  const one = scoreBeam(b, { windowPulses: 100, aggregatePulses: 1 });
  const ten = scoreBeam(b, { windowPulses: 100, aggregatePulses: 10 });
  let log = 0;
  for (let i = 491; i <= 500; i++) log += Math.log(one[i]!);
  assert.ok(Math.abs(ten[500]! - Math.exp(log / 10)) < 1e-9);
});

test("the sliding scorer is bit-identical to recomputation, lost-beam pulses included", () => {
  const b = beam(1500, 6);
  // Beam lost on one BPM in short and long stretches, and on all of them once: TMIT scored there only.
  for (let i = 700; i < 705; i++) b.tmit[1]![i] = 1e6;
  for (let i = 900; i < 1000; i++) b.tmit[2]![i] = 1e6;
  for (let i = 1200; i < 1210; i++) for (const t of b.tmit) t[i] = 1e5;
  b.position[0]![800] = Number.NaN;
  for (const windowPulses of [20, 60]) {
    const a = scoreBeam(b, { windowPulses });
    const r = scoreBeam(b, { windowPulses, method: "recompute" });
    assert.ok(a[1209]! > 10, `the lost beam scores ${a[1209]}`);
    for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], r[i]), `l=${windowPulses} pulse ${i}`);
  }
});

test("window maxima take the inclusive span", () => {
  const b = beam(900, 6);
  const a = scoreBeam(b, { windowPulses: 60 });
  const t = BigInt64Array.from({ length: 900 }, (_, i) => BigInt(i) * 1000n);
  const [m] = windowMaxima(t, a, [{ start: 200_000n, end: 300_000n }]);
  assert.equal(m, Math.max(...a.subarray(200, 301)));
});
