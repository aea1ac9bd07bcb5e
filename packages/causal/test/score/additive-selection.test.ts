import assert from "node:assert/strict";
import { test } from "node:test";
import { type DataMatrix, logTransform } from "@vigil/causal/data";
import { formatEdges } from "@vigil/causal/graph";
import { additiveHillClimb, autoKnotCandidates, logJacobian } from "@vigil/causal/score";
import { VigilError } from "@vigil/core/errors";
import { createRng } from "@vigil/core/random";

/** a → b → c with additive Gaussian noise on the log scale, then exponentiated: log-normal intensities. */
function logNormalScm(n: number, seed: number): DataMatrix {
  const rng = createRng(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const la = 0.8 * rng.normal();
    const lb = 0.7 * la + 0.4 * Math.sin(2 * la) + 0.3 * rng.normal();
    const lc = 0.6 * lb + 0.3 * rng.normal();
    a[i] = Math.exp(la);
    b[i] = Math.exp(lb);
    c[i] = Math.exp(lc);
  }
  return { names: ["a", "b", "c"], columns: [a, b, c] };
}

/** The same chain with additive Gaussian noise on the raw scale, shifted to stay positive. */
function rawScm(n: number, seed: number): DataMatrix {
  const rng = createRng(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = 1 + 4 * rng.uniform();
    b[i] = 5 + 0.5 * (a[i] as number) + Math.sin(a[i] as number) + 0.3 * rng.normal();
    c[i] = 5 + 0.6 * (b[i] as number) + 0.3 * rng.normal();
  }
  return { names: ["a", "b", "c"], columns: [a, b, c] };
}

/** x ~ N(0, 1.5²), y = f(x) + N(0, 0.2²); Gaussian x keeps the linear pair linear in both directions. */
function pair(n: number, seed: number, f: (x: number) => number): DataMatrix {
  const rng = createRng(seed);
  const x = Float64Array.from({ length: n }, () => 1.5 * rng.normal());
  const y = x.map((v) => f(v) + 0.2 * rng.normal());
  return { names: ["x", "y"], columns: [x, y] };
}

test("the knot grid runs from 0 to twice Stone's rate and respects the row count", () => {
  assert.deepEqual(autoKnotCandidates(853), [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(autoKnotCandidates(7466), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(autoKnotCandidates(7), [0, 1, 2]);
  assert.deepEqual(autoKnotCandidates(3), [0]);
});

test("the log Jacobian is Σ log x, and undefined once a value is not positive", () => {
  const data = {
    names: ["u", "v"],
    columns: [Float64Array.from([1, Math.E]), Float64Array.from([Math.E ** 2, 1])],
  };
  assert.ok(Math.abs((logJacobian(data) as number) - 3) < 1e-12);
  assert.equal(
    logJacobian({ names: ["u", "v"], columns: [Float64Array.from([1, 0]), Float64Array.from([1, 2])] }),
    undefined,
  );
});

test("transform auto prefers log for log-normal data and none for additive noise on the raw scale", () => {
  const logged = additiveHillClimb(logNormalScm(1500, 1));
  assert.equal(logged.transform, "log");
  const plain = additiveHillClimb(rawScm(1500, 2));
  assert.equal(plain.transform, "none");
  // both scales were searched, over the whole knot grid
  assert.equal(logged.candidates.length, 2 * autoKnotCandidates(1500).length);
});

test("the log candidates are scored with their Jacobian, so the choice does not depend on units", () => {
  const data = logNormalScm(800, 3);
  const auto = additiveHillClimb(data, { interiorKnots: 2 });
  const onLogs = additiveHillClimb(logTransform(data), { interiorKnots: 2, transform: "none" });
  const log = auto.candidates.find((c) => c.transform === "log");
  assert.ok(log !== undefined);
  assert.ok(Math.abs(log.score - (onLogs.score - (logJacobian(data) as number))) < 1e-6);
  // rescaling by 1000 moves both models' log-likelihoods by −n·p·log 1000: the gap between them is unchanged,
  // which holds only because the log model pays Σ log x (without it, the raw model alone would move)
  const scaled = { names: data.names, columns: data.columns.map((c) => c.map((v) => v * 1000)) };
  const rescaled = additiveHillClimb(scaled, { interiorKnots: 2 });
  const gap = (r: typeof auto) => (r.candidates[1]?.score as number) - (r.candidates[0]?.score as number);
  assert.ok(Math.abs(gap(rescaled) - gap(auto)) < 1e-6 * Math.abs(gap(auto)));
  assert.equal(rescaled.transform, auto.transform);
  assert.equal(formatEdges(rescaled.graph.edges()), formatEdges(auto.graph.edges()));
});

test("knots auto picks more knots for a wiggly function than for a linear one", () => {
  const wiggly = additiveHillClimb(
    pair(2000, 4, (x) => Math.sin(2.5 * x)),
    { transform: "none" },
  );
  const linear = additiveHillClimb(
    pair(2000, 4, (x) => 0.8 * x),
    { transform: "none" },
  );
  assert.equal(linear.interiorKnots, 0);
  assert.ok(wiggly.interiorKnots >= 3, `wiggly chose ${wiggly.interiorKnots}`);
  assert.equal(wiggly.graph.edges().length, 1);
});

test("the automatic choice is deterministic", () => {
  const data = logNormalScm(600, 5);
  const first = additiveHillClimb(data);
  const second = additiveHillClimb(data);
  assert.deepEqual(second.candidates, first.candidates);
  assert.equal(second.interiorKnots, first.interiorKnots);
  assert.equal(second.transform, first.transform);
  assert.equal(formatEdges(second.graph.edges()), formatEdges(first.graph.edges()));
  // the winner is the best candidate
  assert.equal(first.score, Math.max(...first.candidates.map((c) => c.score)));
});

test("non-positive data: auto stays on the raw scale, forced log and bad options are argument errors", () => {
  const data = pair(300, 6, (x) => x);
  const result = additiveHillClimb(data, { interiorKnots: 1 });
  assert.equal(result.transform, "none");
  assert.equal(result.candidates.length, 1);
  const argument = (e: unknown) => e instanceof VigilError && e.code === "VIGIL_ERR_ARGUMENT";
  assert.throws(() => additiveHillClimb(data, { transform: "log" }), argument);
  assert.throws(() => additiveHillClimb(data, { transform: "log" }), /not positive/);
  assert.throws(() => additiveHillClimb(data, { interiorKnots: "many" as "auto" }), /interiorKnots/);
  assert.throws(() => additiveHillClimb(data, { transform: "sqrt" as "log" }), argument);
  assert.throws(() => additiveHillClimb(data, { interiorKnots: 1.5 }), /interiorKnots/);
});

test("search: exact reaches at least the tabu search's BIC with the same configuration, and is checked by name", () => {
  const data = logNormalScm(400, 21);
  const tabu = additiveHillClimb(data, { transform: "log", interiorKnots: 2 });
  const exact = additiveHillClimb(data, { transform: "log", interiorKnots: 2, search: "exact" });
  assert.ok(exact.score >= tabu.score - 1e-9, `${exact.score} vs ${tabu.score}`);
  assert.equal(formatEdges(exact.graph.edges()), formatEdges(tabu.graph.edges()));
  assert.throws(() => additiveHillClimb(data, { search: "greedy" as never }), /search/);
});
