import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "@vigil/core/random";
import { buildDriftReference, DriftMonitor, type DriftReferenceState } from "../../src/drift/index.ts";

const CHANNELS = ["x", "y", "z"];
const OPTIONS = { blockSteps: 25, windowBlocks: 6, ertSteps: 10_000, runs: 60, seed: 3 };

/** Steps of a drift-free stream (shift 0) or a shifted one: channels N(shift, 1), embedding |channels|, score |N| + shift. */
function steps(n: number, seed: number, shift = 0) {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const row = Float64Array.from(CHANNELS, () => rng.normal() + shift);
    return { row, embedding: row.map(Math.abs), score: Math.abs(rng.normal()) + shift };
  });
}

function reference(): DriftReferenceState {
  const held = steps(3000, 1);
  return buildDriftReference(
    {
      channels: CHANNELS,
      values: CHANNELS.map((_, c) => Float64Array.from(held, (s) => s.row[c]!)),
      scores: Float64Array.from(held, (s) => s.score),
      embeddingNames: CHANNELS.map((c) => `contribution:${c}`),
      embedding: CHANNELS.map((_, c) => Float64Array.from(held, (s) => s.embedding[c]!)),
    },
    OPTIONS,
  );
}

/** Index of the first block at which the given signal alarms, or -1. */
function firstAlarm(
  monitor: DriftMonitor,
  stream: ReturnType<typeof steps>,
  signal: "latent" | "score" | "channels",
): number {
  let block = 0;
  for (const s of stream) {
    const status = monitor.add(s.score, s.embedding, s.row);
    if (status === undefined) continue;
    const alarm =
      signal === "channels" ? Object.values(status.channels).some((c) => c.alarm) : status[signal].alarm;
    if (alarm) return block;
    block++;
  }
  return -1;
}

test("each drift signal is calibrated to the stated ERT on drift-free blocks", () => {
  const ref = reference();
  const ertBlocks = OPTIONS.ertSteps / OPTIONS.blockSteps;
  for (const signal of [ref.latent, ref.score, ref.channel]) {
    assert.ok(signal.threshold !== null && Number.isFinite(signal.threshold));
    // calibrateThresholdForERT picks the smallest threshold whose simulated mean run length reaches the target.
    assert.ok(
      signal.meanRunLengthBlocks! >= ertBlocks && signal.meanRunLengthBlocks! < 1.5 * ertBlocks,
      String(signal.meanRunLengthBlocks),
    );
  }
});

test("on fresh drift-free streams the mean run length to a false alarm is near the stated ERT", (t) => {
  const ref = reference();
  const ertBlocks = OPTIONS.ertSteps / OPTIONS.blockSteps;
  const horizon = 3 * ertBlocks;
  const streams = 12;
  const runLengths = { latent: 0, score: 0, channels: 0 };
  for (let k = 0; k < streams; k++) {
    const monitor = new DriftMonitor(ref);
    const first: Partial<Record<keyof typeof runLengths, number>> = {};
    let block = 0;
    for (const s of steps(horizon * OPTIONS.blockSteps, 100 + k)) {
      const status = monitor.add(s.score, s.embedding, s.row);
      if (status === undefined) continue;
      block++;
      if (status.latent.alarm) first.latent ??= block;
      if (status.score.alarm) first.score ??= block;
      if (Object.values(status.channels).some((c) => c.alarm)) first.channels ??= block;
    }
    for (const key of Object.keys(runLengths) as (keyof typeof runLengths)[])
      runLengths[key] += (first[key] ?? horizon) / streams;
  }
  t.diagnostic(
    `mean run length to a false alarm (blocks, ERT ${ertBlocks}, censored at ${horizon}): ${Object.entries(
      runLengths,
    )
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(", ")}`,
  );
  for (const [signal, mean] of Object.entries(runLengths)) {
    // Censoring at 3·ERT biases the mean down a little; a miscalibration by 2× either way fails.
    assert.ok(
      mean > 0.5 * ertBlocks && mean < 2 * ertBlocks,
      `${signal}: mean run length ${mean} blocks, ERT ${ertBlocks}`,
    );
  }
});

test("a level shift alarms every signal within a few windows", () => {
  const ref = reference();
  for (const signal of ["latent", "score", "channels"] as const) {
    const shifted = [...steps(500, 4), ...steps(2000, 5, 1.5)];
    const at = firstAlarm(new DriftMonitor(ref), shifted, signal);
    assert.ok(
      at >= 500 / 25 - 1 && at <= 500 / 25 + 3 * OPTIONS.windowBlocks,
      `${signal} alarmed at block ${at}`,
    );
  }
});

test("the monitor's state round-trips through JSON mid-block and mid-window", () => {
  const ref = reference();
  const stream = steps(1000, 6, 0.5);
  const a = new DriftMonitor(ref);
  for (const s of stream.slice(0, 437)) a.add(s.score, s.embedding, s.row);
  const b = new DriftMonitor(ref, JSON.parse(JSON.stringify(a.toJSON())));
  let last: unknown;
  let lastB: unknown;
  for (const s of stream.slice(437)) {
    last = a.add(s.score, s.embedding, s.row) ?? last;
    lastB = b.add(s.score, s.embedding, s.row) ?? lastB;
  }
  assert.deepEqual(lastB, last);
});

test("a reference needs 2·windowBlocks blocks", () => {
  assert.throws(
    () =>
      buildDriftReference(
        {
          channels: ["x"],
          values: [new Float64Array(100)],
          scores: new Float64Array(100),
          embeddingNames: ["e"],
          embedding: [new Float64Array(100)],
        },
        OPTIONS,
      ),
    (e: Error & { code?: string }) => e.code === "VIGIL_ERR_DRIFT_REFERENCE_SHORT",
  );
});
