import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Series } from "@vigil/core";
import { VigilArgumentError, VigilError } from "@vigil/core/errors";
import { rulScores } from "@vigil/core/metrics";
import { createRng, type Rng } from "@vigil/core/random";
import {
  LinearRulBaseline,
  meanCappedRul,
  parseCmapssLeaderboard,
  RulRegressor,
  type RulRegressorOptions,
  type RulUnit,
  splitUnits,
} from "@vigil/detect/prognosis";
import { memory } from "@vigil/torch";

const CAP = 50;

/**
 * A run-to-failure unit of `length` cycles: a health index h = min(RUL, CAP) / CAP drives sensor
 * "a" up and sensor "b" down (quadratically), "noise" carries nothing, "flat" is constant and
 * "mode" is a setting channel that the default channel choice ignores.
 */
function unit(length: number, rng: Rng): RulUnit {
  const rul = Float64Array.from({ length }, (_, t) => length - 1 - t);
  const h = rul.map((r) => Math.min(r, CAP) / CAP);
  const noise = (scale: number) => rng.normal() * scale;
  const series: Series = {
    timestamps: BigInt64Array.from({ length }, (_, t) => BigInt(t + 1) * 1_000_000_000n),
    channels: [
      { name: "mode", kind: "setting", role: "setting" },
      { name: "a", kind: "other", role: "sensor" },
      { name: "b", kind: "other", role: "sensor" },
      { name: "noise", kind: "other", role: "sensor" },
      { name: "flat", kind: "other", role: "sensor" },
    ],
    values: [
      Float64Array.from(h, () => 1 + noise(0.1)),
      Float64Array.from(h, (v) => 10 + 3 * (1 - v) + noise(0.3)),
      Float64Array.from(h, (v) => 5 - 4 * (1 - v) ** 2 + noise(0.3)),
      Float64Array.from(h, () => noise(1)),
      new Float64Array(length).fill(7),
    ],
  };
  return { series, rul };
}

function units(count: number, seed: number): RulUnit[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => unit(70 + rng.int(60), rng));
}

/** Cuts a run-to-failure unit short, as C-MAPSS test units are: its RUL at the new last row is `left`. */
function truncate(u: RulUnit, left: number): RulUnit {
  const keep = u.rul.length - left;
  return {
    series: {
      ...u.series,
      timestamps: u.series.timestamps.subarray(0, keep),
      values: u.series.values.map((v) => v.subarray(0, keep)),
    },
    rul: Float64Array.from(u.rul).subarray(0, keep),
  };
}

const SMALL: Partial<RulRegressorOptions> = {
  windowLength: 10,
  rulCap: CAP,
  hidden: 8,
  convBlocks: 2,
  dense: 16,
  epochs: 25,
  batchSize: 64,
  learningRate: 3e-3,
  patience: 5,
};

const train = units(24, 1);
const heldOut = units(12, 2);
const regressor = new RulRegressor(SMALL);
let report: Awaited<ReturnType<RulRegressor["fit"]>>;
const epochs: number[] = [];

before(async () => {
  report = await regressor.fit(train, { onProgress: (p) => epochs.push(p.epoch) });
});
after(() => regressor.dispose());

test("on held-out synthetic units the regressor's RMSE is far below the constant predictor's", () => {
  const rng = createRng(3);
  const cut = heldOut.map((u) => truncate(u, 5 + rng.int(60)));
  const actual = cut.map((u) => u.rul[u.rul.length - 1]!);
  const cnn = rulScores(
    cut.map((u) => regressor.predictLast(u.series)),
    actual,
  );
  const constant = rulScores(
    cut.map(() => meanCappedRul(train, CAP)),
    actual,
  );
  // Truth above the cap cannot be predicted (the target is capped), so compare against capped truth too.
  const capped = rulScores(
    cut.map((u) => regressor.predictLast(u.series)),
    actual.map((r) => Math.min(r, CAP)),
  );
  assert.ok(cnn.rmse < 0.5 * constant.rmse, `CNN RMSE ${cnn.rmse} vs constant ${constant.rmse}`);
  assert.ok(capped.rmse < 8, `CNN RMSE against the capped truth ${capped.rmse}`);
  const linear = new LinearRulBaseline(train, report.channels, SMALL.windowLength!, CAP);
  const linearScores = rulScores(
    cut.map((u) => linear.predictLast(u.series)),
    actual,
  );
  assert.ok(linearScores.rmse < constant.rmse, `linear ${linearScores.rmse} vs constant ${constant.rmse}`);
});

test("fit drops constant channels, ignores settings, splits whole units and reports progress", () => {
  assert.deepEqual(report.channels, ["a", "b", "noise"]);
  assert.deepEqual(report.dropped, ["flat"]);
  assert.equal(report.trainUnits + report.validationUnits, train.length);
  assert.equal(report.validationUnits, Math.round(train.length * 0.2));
  assert.deepEqual(
    epochs,
    Array.from({ length: report.epochs }, (_, i) => i + 1),
  );
  assert.ok(report.bestEpoch >= 1 && report.bestEpoch <= report.epochs);
  assert.ok(Number.isFinite(report.validationRmse));
});

test("predict gives one RUL per row within [0, cap]; edge padding fills rows before a full window", () => {
  const u = heldOut[0]!;
  const values = regressor.predict(u.series);
  assert.equal(values.length, u.rul.length);
  for (const v of values) assert.ok(v >= 0 && v <= CAP, `prediction ${v}`);
  const short = truncate(u, u.rul.length - 4).series; // 4 rows < windowLength 10
  assert.equal(short.timestamps.length, 4);
  const p = regressor.predictLast(short);
  assert.ok(Number.isFinite(p));
  // The padded prediction of the short series is that of the first rows of the long one.
  assert.ok(Math.abs(p - values[3]!) < 1e-4, `${p} vs ${values[3]}`);
  assert.equal(regressor.predictLast(u.series), values[values.length - 1]);
});

test('with padding "none", rows before a full window are NaN', async () => {
  const r = new RulRegressor({ ...SMALL, epochs: 1, padding: "none" });
  try {
    await r.fit(train.slice(0, 4));
    const u = heldOut[0]!;
    const values = r.predict(u.series);
    for (let t = 0; t < 9; t++) assert.ok(Number.isNaN(values[t]!), `row ${t}`);
    for (let t = 9; t < values.length; t++) assert.ok(Number.isFinite(values[t]!), `row ${t}`);
    assert.ok(Number.isNaN(r.predictLast(truncate(u, u.rul.length - 9).series)));
    assert.ok(Number.isFinite(r.predictLast(truncate(u, u.rul.length - 10).series)));
  } finally {
    r.dispose();
  }
});

test("predict before fit (and after dispose) throws a not-fitted VigilError", async () => {
  const r = new RulRegressor(SMALL);
  const notFitted = (e: unknown) => e instanceof VigilError && e.code === "VIGIL_ERR_NOT_FITTED";
  assert.throws(() => r.predict(heldOut[0]!.series), notFitted);
  assert.throws(() => r.predictLast(heldOut[0]!.series), notFitted);
  await r.fit(train.slice(0, 3), {});
  r.dispose();
  assert.throws(() => r.predict(heldOut[0]!.series), notFitted);
});

test("fit, predict and dispose leave no live tensors behind", async () => {
  const before = memory().tensors;
  const r = new RulRegressor({ ...SMALL, epochs: 2 });
  await r.fit(train.slice(0, 6));
  r.predict(heldOut[0]!.series);
  r.predictLast(heldOut[1]!.series);
  r.dispose();
  assert.equal(memory().tensors, before);
  await assert.rejects(r.fit(train.slice(0, 3).map((u) => truncate(u, u.rul.length - 5))));
  assert.equal(memory().tensors, before);
});

test("options: unknown keys and bad values throw naming the key", () => {
  const names = (key: string) => (e: unknown) =>
    e instanceof VigilArgumentError && e.message.includes(key) && e.details?.name === key;
  assert.throws(
    () => new RulRegressor({ windowLenght: 5 } as Partial<RulRegressorOptions>),
    names("windowLenght"),
  );
  assert.throws(() => new RulRegressor({ windowLength: 0 }), names("windowLength"));
  assert.throws(() => new RulRegressor({ rulCap: -1 }), names("rulCap"));
  assert.throws(() => new RulRegressor({ validationFraction: 1 }), names("validationFraction"));
  assert.throws(() => new RulRegressor({ padding: "zero" as "edge" }), names("padding"));
  assert.throws(() => new RulRegressor({ channels: [] }), names("channels"));
  assert.throws(() => new RulRegressor({ learningRate: Number.NaN }), names("learningRate"));
});

test("fit rejects a missing channel, all-constant channels and units without a full window", async () => {
  const r = new RulRegressor({ ...SMALL, epochs: 1 });
  try {
    const fiveRows = train.slice(0, 3).map((u) => truncate(u, u.rul.length - 5));
    await assert.rejects(r.fit(fiveRows), /windowLength/);
    await assert.rejects(new RulRegressor({ ...SMALL, channels: ["flat"] }).fit(train), /constant/);
    await assert.rejects(new RulRegressor({ ...SMALL, channels: ["nope"] }).fit(train), /no channel "nope"/);
  } finally {
    r.dispose();
  }
});

test("validation units are whole units, disjoint from the training ones, and seeded", () => {
  const ids = Array.from({ length: 10 }, (_, i) => i);
  const a = splitUnits(ids, 0.3, 7);
  assert.equal(a.validation.length, 3);
  assert.deepEqual(
    [...a.train, ...a.validation].sort((x, y) => x - y),
    ids,
  );
  assert.deepEqual(splitUnits(ids, 0.3, 7), a);
  assert.notDeepEqual(splitUnits(ids, 0.3, 8).validation, a.validation);
  assert.equal(splitUnits(ids, 0, 7).validation.length, 0);
});

test("the published table of the C-MAPSS README is parsed per subset", () => {
  const readme = [
    "## Published reference figures (test set, RMSE / score)",
    "",
    "| method | FD001 | FD002 | FD003 | FD004 | status |",
    "|---|---|---|---|---|---|",
    "| CNN | 18.45 / 1,287 | 30.29 / 13,570 | 19.82 / 1,596 | 29.16 / 7,886 | UNVERIFIED (recalled) |",
    "| LSTM | **16.14** / 338 | – | **16.18** / 852 | – | RMSE verified (quoted); the rest UNVERIFIED |",
    "| Recent | 14.93 | – | – | – | verified (abstract) |",
    "",
  ].join("\n");
  assert.deepEqual(parseCmapssLeaderboard(readme, "FD001", "README.md"), [
    { method: "CNN", rmse: 18.45, phmScore: 1287, status: "UNVERIFIED" },
    { method: "LSTM", rmse: 16.14, phmScore: 338, status: "RMSE verified; the rest UNVERIFIED" },
    { method: "Recent", rmse: 14.93, phmScore: undefined, status: "verified" },
  ]);
  assert.equal(parseCmapssLeaderboard(readme, "FD003", "README.md").length, 2);
  assert.throws(
    () => parseCmapssLeaderboard("no table", "FD001", "README.md"),
    /Published reference figures/,
  );
  assert.throws(() => parseCmapssLeaderboard(readme, "FD005", "README.md"), /"FD005"/);
});
