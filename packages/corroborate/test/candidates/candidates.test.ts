import assert from "node:assert/strict";
import { test } from "node:test";
import {
  amplitudeCandidates,
  type Candidate,
  corroborate,
  mergeCandidates,
  statusBitCandidates,
} from "../../src/candidates/index.ts";

const S = 1_000_000_000n;
const signal = (pairs: Array<[number, number]>) => ({
  timestampsNs: BigInt64Array.from(pairs, ([t]) => BigInt(Math.round(t * 1e3)) * 1_000_000n),
  values: Float64Array.from(pairs, ([, v]) => v),
});

test("status bit: one candidate per run of 1s while in use, windowed by the reporting lag", () => {
  const status = signal([
    [0, 0],
    [100, 1],
    [110, 0],
    [500, 1],
    [505, 0],
    [900, 1],
    [905, 0],
  ]);
  const inUse = signal([
    [0, 1],
    [800, 0],
  ]);
  const { candidates, ignored } = statusBitCandidates([{ name: "K1", status, inUse }], {
    blockSeconds: 3600,
  });
  assert.deepEqual(ignored, []);
  assert.deepEqual(
    candidates.map((c) => [c.start, c.end, c.stations[0], c.source]),
    [
      [94n * S, 100n * S + 300_000_000n, "K1", "AMM"],
      [494n * S, 500n * S + 300_000_000n, "K1", "AMM"],
    ],
  );
});

test("status bit unhealthy more than 10 % of a block is ignored there (Appendix A)", () => {
  // 1 for 30 s of every 100 s in the first 1000 s, then rare.
  const pairs: Array<[number, number]> = [[0, 0]];
  for (let t = 50; t < 1000; t += 100) pairs.push([t, 1], [t + 30, 0]);
  pairs.push([1500, 1], [1505, 0]);
  const { candidates, ignored } = statusBitCandidates([{ name: "K2", status: signal(pairs) }], {
    blockSeconds: 1000,
  });
  assert.equal(ignored.length, 1);
  assert.ok(Math.abs(ignored[0]!.unhealthyFraction - 0.3) < 1e-9);
  assert.deepEqual(
    candidates.map((c) => c.end),
    [1500n * S + 300_000_000n],
  );
});

test("amplitude: a 1 % dip against the 3.5-minute time-weighted median is flagged once; 0.3 % is not", () => {
  const pairs: Array<[number, number]> = [];
  for (let t = 0; t < 600; t += 5) {
    const v = t === 300 ? 49.5 : t === 305 ? 49.6 : t === 450 ? 49.85 : t % 10 === 0 ? 50 : 50.01;
    pairs.push([t, v]);
  }
  const c = amplitudeCandidates([{ name: "K3", amplitude: signal(pairs) }]);
  assert.deepEqual(
    c.map((x) => x.end),
    [300n * S + 300_000_000n],
  );
  assert.equal(c[0]!.start, 295n * S);
  // A station out of use is skipped.
  const off = amplitudeCandidates([{ name: "K3", amplitude: signal(pairs), inUse: signal([[0, 0]]) }]);
  assert.deepEqual(off, []);
});

const cand = (s: number, e: number, station: string, source: "AMM" | "AMPL"): Candidate => ({
  start: BigInt(s) * S,
  end: BigInt(e) * S,
  stations: [station],
  source,
});

test("merging overlapping windows across stations, optionally keeping single-station ones", () => {
  const list = [
    cand(0, 5, "A", "AMPL"),
    cand(3, 8, "B", "AMPL"),
    cand(20, 25, "C", "AMPL"),
    cand(24, 26, "C", "AMPL"),
  ];
  const all = mergeCandidates(list);
  assert.deepEqual(
    all.candidates.map((c) => [c.start / S, c.end / S, c.stations]),
    [
      [0n, 8n, ["A", "B"]],
      [20n, 26n, ["C"]],
    ],
  );
  const single = mergeCandidates(list, { singleStationOnly: true });
  assert.equal(single.droppedMultiStation, 1);
  assert.deepEqual(
    single.candidates.map((c) => c.stations),
    [["C"]],
  );
});

test("corroboration: Missing, Reinforced, Disagree", () => {
  const ampl = [cand(0, 5, "A", "AMPL"), cand(10, 15, "B", "AMPL"), cand(30, 35, "C", "AMPL")];
  const amm = [cand(4, 9, "A", "AMM"), cand(12, 16, "D", "AMM")];
  const out = corroborate(ampl, amm);
  assert.deepEqual(
    out.map((c) => c.corroboration),
    ["Reinforced", "Disagree", "Missing"],
  );
  assert.deepEqual(out[0]!.corroboratedBy, ["A (AMM, AMPL)"]);
  assert.deepEqual(out[1]!.corroboratedBy, ["B (AMPL)", "D (AMM)"]);
});
