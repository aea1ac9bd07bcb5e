import assert from "node:assert/strict";
import { test } from "node:test";
import { VigilArgumentError, VigilInputError } from "../../src/errors/index.ts";
import {
  applyNormalizer,
  fitNormalizer,
  invertNormalizer,
  normalizerFromJson,
  normalizerToJson,
} from "../../src/normalize/index.ts";
import type { Series } from "../../src/series/index.ts";
import { MAD_SCALE } from "../../src/stats/index.ts";

const N = Number.NaN;

function series(columns: Record<string, number[]>, settings: string[] = []): Series {
  const names = Object.keys(columns);
  const n = columns[names[0]!]!.length;
  return {
    timestamps: BigInt64Array.from({ length: n }, (_, i) => BigInt(i)),
    channels: names.map((name) => ({
      name,
      kind: "other",
      role: settings.includes(name) ? "setting" : "sensor",
    })),
    values: names.map((name) => Float64Array.from(columns[name]!)),
  };
}

const train = series({ a: [1, 2, 3, 4, 100, N], b: [5, 5, 5, 5, 5, 5], mode: [0, 0, 1, 1, 0, 1] }, ["mode"]);

test("z-score: training statistics, constant channel only centred, settings untouched, NaN kept", () => {
  const z = fitNormalizer(train);
  assert.deepEqual(
    z.channels.map((c) => c.channel),
    ["a", "b"],
  );
  const out = applyNormalizer(z, train);
  const a = out.values[0]!;
  // mean 22, sample std of [1, 2, 3, 4, 100] = sqrt(((21²+20²+19²+18²+78²)) / 4)
  const sd = Math.sqrt((21 ** 2 + 20 ** 2 + 19 ** 2 + 18 ** 2 + 78 ** 2) / 4);
  assert.ok(Math.abs(a[0]! - (1 - 22) / sd) < 1e-12);
  assert.ok(Number.isNaN(a[5]!));
  assert.deepEqual([...out.values[1]!], [0, 0, 0, 0, 0, 0]);
  assert.equal(out.values[2], train.values[2]);
  assert.deepEqual([...train.values[0]!.slice(0, 5)], [1, 2, 3, 4, 100], "input untouched");
});

test("robust: median / scaled MAD, resistant to the outlier; inverse restores the data", () => {
  const robust = fitNormalizer(train, { kind: "robust", channels: ["a"] });
  // median 3, MAD 1
  assert.deepEqual(robust.channels, [{ channel: "a", center: 3, scale: MAD_SCALE }]);
  const back = invertNormalizer(robust, applyNormalizer(robust, train)).values[0]!;
  for (let i = 0; i < 5; i++) assert.ok(Math.abs(back[i]! - train.values[0]![i]!) < 1e-12);
  // Zero MAD (more than half the values equal) falls back to the scaled IQR, not to 1.
  const spiky = fitNormalizer(series({ x: [0, 0, 0, 0, 0, 0, 4, 8] }), { kind: "robust" });
  assert.equal(spiky.channels[0]!.center, 0);
  assert.ok(Math.abs(spiky.channels[0]!.scale - 1 / 1.3489795003921634) < 1e-12);
});

test("min-max maps the training range onto [0, 1]", () => {
  const mm = fitNormalizer(train, { kind: "minmax", channels: ["a"] });
  const a = applyNormalizer(mm, train).values[0]!;
  assert.equal(a[0], 0);
  assert.equal(a[4], 1);
  assert.ok(Math.abs(a[2]! - 2 / 99) < 1e-15);
});

test("fit rejects unknown options, kinds, channels and channels without data", () => {
  assert.throws(() => fitNormalizer(train, { knd: "zscore" } as never), VigilArgumentError);
  assert.throws(() => fitNormalizer(train, { kind: "l2" as never }), /one of "zscore"/);
  assert.throws(() => fitNormalizer(train, { channels: ["nope"] }), /Unknown channel "nope"/);
  assert.throws(() => fitNormalizer(series({ x: [N, N] })), /no values in the training data/);
  assert.throws(() => applyNormalizer(fitNormalizer(train), series({ a: [1] })), /no channel "b"/);
});

test("JSON round trip, and malformed JSON names source and place", () => {
  const z = fitNormalizer(train, { kind: "robust" });
  const back = normalizerFromJson(normalizerToJson(z), "model/normalizer.json");
  assert.deepEqual(back, z);
  const bad = (text: string, pattern: RegExp): void => {
    assert.throws(
      () => normalizerFromJson(text, "n.json"),
      (e: unknown) => e instanceof VigilInputError && e.source === "n.json" && pattern.test(e.message),
    );
  };
  bad('{"format":"vigil-normalizer",\n}', /line 2, column 1: not valid JSON/);
  bad("[]", /column \$: expected an object/);
  const valid = JSON.parse(normalizerToJson(z));
  bad(JSON.stringify({ ...valid, version: 2 }), /\$\.version: expected version 1/);
  bad(JSON.stringify({ ...valid, kind: "l2" }), /\$\.kind/);
  bad(
    JSON.stringify({ ...valid, channels: [{ channel: "a", center: 0, scale: 0 }] }),
    /\$\.channels\[0\]\.scale: expected a positive scale/,
  );
  bad(
    JSON.stringify({ ...valid, channels: [{ channel: 3, center: 0, scale: 1 }] }),
    /\$\.channels\[0\]\.channel/,
  );
  bad(JSON.stringify({ ...valid, type: "pca" }), /\$\.type/);
});
