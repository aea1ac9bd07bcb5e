import assert from "node:assert/strict";
import { test } from "node:test";
import {
  applyNormalizer,
  applyRegimeNormalizer,
  assignRegimes,
  fitNormalizer,
  fitRegimeNormalizer,
  normalizerFromJson,
  normalizerToJson,
} from "../../src/normalize/index.ts";
import { createRng } from "../../src/random/index.ts";
import { type Series, sliceByIndex } from "../../src/series/index.ts";
import { mean, std } from "../../src/stats/index.ts";

// Three operating conditions (altitude in kft, throttle in %) with regime-dependent sensor levels and noise.
const REGIMES = [
  { altitude: 0, throttle: 100, means: [500, 20, -3], sds: [5, 1, 0.2] },
  { altitude: 20, throttle: 80, means: [450, 35, 4], sds: [8, 2, 0.5] },
  { altitude: 42, throttle: 60, means: [400, 50, 10], sds: [3, 4, 1] },
];

function simulate(seed: number, rows: number, regimes = REGIMES): { series: Series; truth: Int32Array } {
  const rng = createRng(seed);
  const truth = Int32Array.from({ length: rows }, () => rng.int(regimes.length));
  const setting = (f: (r: (typeof REGIMES)[number]) => number, noise: number): Float64Array =>
    Float64Array.from(truth, (r) => f(regimes[r]!) + noise * rng.normal());
  const altitude = setting((r) => r.altitude, 0.05);
  const throttle = setting((r) => r.throttle, 0.1);
  const sensors = [0, 1, 2].map((c) =>
    Float64Array.from(truth, (r, i) =>
      i % 97 === 5 ? Number.NaN : regimes[r]!.means[c]! + regimes[r]!.sds[c]! * rng.normal(),
    ),
  );
  return {
    series: {
      timestamps: BigInt64Array.from({ length: rows }, (_, i) => BigInt(i) * 1_000_000_000n),
      channels: [
        { name: "altitude", kind: "setting", role: "setting" },
        { name: "throttle", kind: "setting", role: "setting" },
        { name: "t24", kind: "temperature" },
        { name: "p30", kind: "pressure" },
        { name: "nf", kind: "rpm" },
      ],
      values: [altitude, throttle, ...sensors],
    },
    truth,
  };
}

/** Per regime and sensor channel, the mean and std of the normalised test rows. */
function perRegime(series: Series, truth: Int32Array): { mean: number; std: number }[] {
  const out: { mean: number; std: number }[] = [];
  for (let r = 0; r < REGIMES.length; r++) {
    for (let c = 2; c < 5; c++) {
      const values = series.values[c]!.filter((_, i) => truth[i] === r);
      out.push({ mean: mean(values), std: std(values) });
    }
  }
  return out;
}

test("regime-aware normalisation removes regime offsets that a global z-score leaves", () => {
  const { series, truth } = simulate(1, 6000);
  const cut = 4200;
  const train = sliceByIndex(series, 0, cut);
  const test = sliceByIndex(series, cut);
  const testTruth = truth.subarray(cut);

  const regime = fitRegimeNormalizer(train, { seed: 4 });
  assert.equal(regime.centroids.length, 3, "three regimes chosen by the silhouette");
  // Assigned regimes agree with the truth up to relabelling.
  const assigned = assignRegimes(regime, test);
  const label = new Map<number, number>();
  for (let i = 0; i < assigned.length; i++) {
    if (!label.has(assigned[i]!)) label.set(assigned[i]!, testTruth[i]!);
    assert.equal(label.get(assigned[i]!), testTruth[i]);
  }

  for (const { mean: m, std: s } of perRegime(applyRegimeNormalizer(regime, test), testTruth)) {
    assert.ok(Math.abs(m) < 0.1, `regime mean ${m}`);
    assert.ok(Math.abs(s - 1) < 0.1, `regime std ${s}`);
  }
  const global = perRegime(applyNormalizer(fitNormalizer(train), test), testTruth);
  assert.ok(Math.max(...global.map((g) => Math.abs(g.mean))) > 1, "global z-score keeps the offsets");
  assert.ok(Math.max(...global.map((g) => g.std)) < 0.5, "and shrinks the within-regime spread");

  // The serialised normaliser transforms identically; a row without settings has no regime.
  const restored = normalizerFromJson(normalizerToJson(regime));
  assert.equal(restored.type, "regime");
  if (restored.type === "regime")
    assert.deepEqual(
      applyRegimeNormalizer(restored, test).values,
      applyRegimeNormalizer(regime, test).values,
    );
  const blind = {
    ...test,
    values: [
      test.values[0]!.map(() => Number.NaN),
      test.values[1]!.map(() => Number.NaN),
      ...test.values.slice(2),
    ],
  };
  assert.equal(assignRegimes(regime, blind)[0], -1);
  assert.ok(Number.isNaN(applyRegimeNormalizer(regime, blind).values[2]![0]!));
});

test("one operating condition is recognised as one regime; a fixed k and the robust kind are honoured", () => {
  const { series } = simulate(2, 1500, [REGIMES[0]!]);
  assert.equal(fitRegimeNormalizer(series).centroids.length, 1);
  const fixed = fitRegimeNormalizer(simulate(3, 900).series, { k: 2, kind: "robust" });
  assert.equal(fixed.centroids.length, 2);
  assert.equal(fixed.kind, "robust");
  assert.throws(() => fitRegimeNormalizer(series, { settingChannels: [] }), /setting channels/);
});
