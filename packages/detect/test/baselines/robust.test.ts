import assert from "node:assert/strict";
import { test } from "node:test";
import { seriesFromColumns } from "@vigil/core";
import { MAD_SCALE } from "@vigil/core/stats";
import { RollingRobustZ } from "@vigil/detect/baselines";
import { robustLocationScale } from "../../src/baselines/robust.ts";

test("rolling robust z matches a hand computation and skips missing values", async () => {
  const x = [1, 2, 3, 4, 100, 10, Number.NaN, 3];
  const series = seriesFromColumns({ timestamps: x.map((_, t) => BigInt(t)), channels: ["x"], values: [x] });
  const detector = new RollingRobustZ({ window: 5, minPeriods: 4, scaleFloor: 0 });
  await detector.fit(series);
  const { score, channelContributions, components } = await detector.score(series);
  assert.ok(score.slice(0, 4).every(Number.isNaN));
  // [1, 2, 3, 4]: median 2.5, MAD 1.
  assert.ok(Math.abs(score[4]! - 97.5 / MAD_SCALE) < 1e-12);
  // [1, 2, 3, 4, 100]: median 3, MAD 1.
  assert.ok(Math.abs(score[5]! - 7 / MAD_SCALE) < 1e-12);
  assert.ok(Number.isNaN(score[6]!));
  // [3, 4, 100, 10] (the missing value is skipped): median 7, MAD median(4, 3, 93, 3) = 3.5.
  assert.ok(Math.abs(score[7]! - 4 / (MAD_SCALE * 3.5)) < 1e-12);
  assert.deepEqual(channelContributions[0], score);
  assert.deepEqual(components.robust_z, score);
});

test("rms aggregation and the scale floor", async () => {
  const flat = [5, 5, 5, 5, 5, 6];
  const noisy = [0, 2, 0, 2, 0, 4];
  const constant = [3, 3, 3, 3, 3, 3];
  const series = seriesFromColumns({
    timestamps: flat.map((_, t) => BigInt(t)),
    channels: ["f", "n", "k"],
    values: [flat, noisy, constant],
  });
  const detector = new RollingRobustZ({ window: 5, minPeriods: 5, aggregate: "rms", scaleFloor: 0.5 });
  await detector.fit(series);
  const { score, channelContributions } = await detector.score(series);
  // "f": window MAD 0 and training MAD 0 (quantised: mostly one level), so the training scale is the
  // mean absolute deviation 1/6 times √(π/2), and the floor half of it.
  // "n": window median 0 and MAD 0; training median 1 and MAD 1, so the floor is 0.5·MAD_SCALE.
  // "k": constant in training, so it has no scale and is not scored.
  const zf = 1 / ((0.5 * Math.sqrt(Math.PI / 2)) / 6);
  const zn = 4 / (0.5 * MAD_SCALE);
  assert.ok(Math.abs(channelContributions[0]![5]! / zf - 1) < 1e-12);
  assert.ok(Math.abs(channelContributions[1]![5]! - zn) < 1e-12);
  assert.ok(channelContributions[2]!.every(Number.isNaN));
  assert.ok(Math.abs(score[5]! / Math.sqrt((zf * zf + zn * zn) / 2) - 1) < 1e-12);
});

test("a robust scale survives quantised data and is 0 only for a constant channel", () => {
  // median 1 and MAD 0: the mean absolute deviation (4/10) times √(π/2)
  const quantised = robustLocationScale([1, 1, 1, 1, 1, 1, 2, 0, 1, 3]);
  assert.equal(quantised.median, 1);
  assert.ok(Math.abs(quantised.scale - (Math.sqrt(Math.PI / 2) * 4) / 10) < 1e-12);
  assert.deepEqual(robustLocationScale([0, 2, 0, 2, Number.NaN]), { median: 1, scale: MAD_SCALE });
  assert.deepEqual(robustLocationScale([7, 7, 7]), { median: 7, scale: 0 });
});
