import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRoute, routeHash } from "../../src/app/router.ts";

test("parseRoute reads every page's hash", () => {
  assert.deepEqual(parseRoute(""), { name: "fleet" });
  assert.deepEqual(parseRoute("#/"), { name: "fleet" });
  assert.deepEqual(parseRoute("#/asset/plant-a/pump-3"), {
    name: "asset",
    site: "plant-a",
    machine: "pump-3",
  });
  assert.deepEqual(parseRoute("#/event/ev-42"), { name: "event", id: "ev-42" });
  assert.deepEqual(parseRoute("#/models"), { name: "models" });
  assert.deepEqual(parseRoute("#/drift/"), { name: "drift" });
});

test("parseRoute decodes segments and routeHash encodes them back", () => {
  const route = { name: "asset", site: "site 1", machine: "pump/α" } as const;
  assert.equal(routeHash(route), "#/asset/site%201/pump%2F%CE%B1");
  assert.deepEqual(parseRoute(routeHash(route)), route);
});

test("parseRoute names unknown or malformed hashes instead of guessing", () => {
  assert.deepEqual(parseRoute("#/asset/only-site"), { name: "not-found", hash: "#/asset/only-site" });
  assert.deepEqual(parseRoute("#/nope"), { name: "not-found", hash: "#/nope" });
  assert.deepEqual(parseRoute("#/event/%E0"), { name: "event", id: "%E0" });
});
