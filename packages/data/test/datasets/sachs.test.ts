import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { VigilInputError } from "@vigil/core/errors";
import {
  detectSachsKind,
  readSachs,
  readSachsEdges,
  SACHS_CONDITIONS,
  SACHS_VARIABLES,
} from "@vigil/data/datasets";

const dir = new URL("../../../../../shared/data/sachs/", import.meta.url).pathname;
const skip = existsSync(dir) ? false : `Sachs data not found at ${dir}`;

test("the 853-row observational set: 11 channels, first and last rows as in the file", { skip }, () => {
  const d = readSachs(join(dir, "sachs_cd3cd28_853.tsv"));
  assert.equal(d.kind, "observational");
  assert.equal(d.series.timestamps.length, 853);
  assert.deepEqual(
    d.series.channels.map((c) => c.name),
    [...SACHS_VARIABLES],
  );
  assert.deepEqual(
    d.series.values.map((v) => v[0]),
    [26.4, 13.2, 8.82, 18.3, 58.8, 6.61, 17, 414, 17, 44.9, 40],
  );
  assert.deepEqual(
    d.series.values.map((v) => v[852]),
    [46.6, 15, 8.51, 120, 22.3, 6.1, 20, 478, 20.9, 36.8, 9.65],
  );
});

test("the 7,466-row multi-condition set starts with the 853 observational rows and labels 9 conditions", {
  skip,
}, () => {
  const obs = readSachs(join(dir, "sachs_cd3cd28_853.tsv"));
  const all = readSachs(join(dir, "sachs_combined_7466.csv"));
  assert.equal(all.kind, "combined");
  assert.equal(all.series.timestamps.length, 7466);
  for (let c = 0; c < 11; c++) {
    assert.deepEqual(all.series.values[c]?.subarray(0, 853), obs.series.values[c]);
  }
  const labels = all.series.labels ?? [];
  assert.equal(labels.length, 9);
  assert.deepEqual(labels[0], { start: 0n, end: 852n, type: "condition:cd3cd28" });
  assert.equal(labels[8]?.end, 7465n);
  assert.equal(
    SACHS_CONDITIONS.reduce((s, c) => s + c.rows, 0),
    7466,
  );
});

test("the discretised interventional set: levels 1–3 and the documented intervention counts", {
  skip,
}, () => {
  const d = readSachs(join(dir, "sachs_interventional_discretised_5400.txt"));
  assert.equal(d.kind, "interventional");
  assert.equal(d.series.timestamps.length, 5400);
  assert.ok(d.series.values.every((v) => v.every((x) => x === 1 || x === 2 || x === 3)));
  const counts = new Map<string, number>();
  for (const t of d.intervened ?? []) counts.set(t ?? "none", (counts.get(t ?? "none") ?? 0) + 1);
  assert.deepEqual(Object.fromEntries([...counts].sort()), {
    Akt: 600,
    Mek: 600,
    PIP2: 600,
    PKA: 600,
    PKC: 1200,
    none: 1800,
  });
});

test("reference graphs: 17 bnlearn edges; the cdt list mapped to bnlearn names shares 13 directed edges", {
  skip,
}, () => {
  const bn = readSachsEdges(join(dir, "ground_truth_edges_17.csv"));
  const cdt = readSachsEdges(join(dir, "cdt_cyto_full_target_18edges.csv"));
  assert.equal(bn.length, 17);
  assert.equal(cdt.length, 18);
  const key = (e: readonly [string, string]): string => `${e[0]}->${e[1]}`;
  const shared = cdt.filter((e) => bn.some((b) => key(b) === key(e)));
  assert.equal(shared.length, 13);
  assert.ok(cdt.flat().every((name) => (SACHS_VARIABLES as readonly string[]).includes(name)));
});

test("malformed files fail with file, line and column", () => {
  const tmp = mkdtempSync(join(tmpdir(), "sachs-"));
  const bad = join(tmp, "bad.tsv");
  writeFileSync(
    bad,
    `${SACHS_VARIABLES.join("\t")}\n1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\n1\t2\tx\t4\t5\t6\t7\t8\t9\t10\t11\n`,
  );
  assert.throws(
    () => readSachs(bad),
    (e: unknown) => e instanceof VigilInputError && e.line === 3 && e.column === "Plcg",
  );
  const short = join(tmp, "short.tsv");
  writeFileSync(short, `${SACHS_VARIABLES.join("\t")}\n1\t2\t3\n`);
  assert.throws(() => readSachs(short), /line 2.*expected 11 fields, found 3/);
  const other = join(tmp, "other.csv");
  writeFileSync(other, "a,b\n1,2\n");
  assert.throws(() => readSachs(other), /not a Sachs data file/);
  assert.equal(detectSachsKind("a,b"), undefined);
});
