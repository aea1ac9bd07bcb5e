import assert from "node:assert/strict";
import { test } from "node:test";
import { loadDashboard } from "@vigil/dashboard";

test("loadDashboard bundles the app, its styles and the page, with content types", async () => {
  const files = await loadDashboard();
  assert.deepEqual([...files.keys()].sort(), [
    "/app.css",
    "/app.css.map",
    "/app.js",
    "/app.js.map",
    "/index.html",
  ]);
  assert.match(files.get("/index.html")?.contentType ?? "", /^text\/html/);
  assert.match(files.get("/app.js")?.contentType ?? "", /^text\/javascript/);
  assert.match(files.get("/app.css")?.contentType ?? "", /^text\/css/);
  const html = new TextDecoder().decode(files.get("/index.html")?.body);
  assert.match(html, /<script type="module" src="\/app.js"><\/script>/);
  assert.match(html, /<link rel="stylesheet" href="\/app.css"/);
});

test("the bundle holds every view and the hooks the browser test relies on", async () => {
  const files = await loadDashboard();
  const js = new TextDecoder().decode(files.get("/app.js")?.body);
  for (const hook of [
    "fleet-view",
    "asset-view",
    "event-view",
    "models-view",
    "drift-view",
    "asset-row",
    "event-row",
    "root-cause-bar",
    "contribution-heatmap",
    "/api/live",
  ]) {
    assert.ok(js.includes(hook), `app.js lacks "${hook}"`);
  }
  assert.ok(js.length < 400_000, `app.js is ${js.length} bytes: minification or tree shaking is off`);
  assert.match(js, /\/\/# sourceMappingURL=app\.js\.map\s*$/);
  const map = JSON.parse(new TextDecoder().decode(files.get("/app.js.map")?.body)) as { sources: string[] };
  assert.ok(map.sources.some((source) => source.endsWith("views/fleet.ts")));
  assert.ok(
    map.sources.every((source) => !source.includes("serve/src")),
    "the bundle must not pull in service code (contract types only)",
  );
});

test("the stylesheet includes uPlot's own styles next to the dashboard's", async () => {
  const css = new TextDecoder().decode((await loadDashboard()).get("/app.css")?.body);
  assert.ok(css.includes(".uplot"), "uPlot's CSS is missing");
  assert.ok(css.includes(".error-toast"), "the dashboard's CSS is missing");
  assert.ok(!css.includes("@import"), "CSS imports must be inlined by the bundler");
});

test("loadDashboard builds once and answers later calls from its cache", async () => {
  const first = await loadDashboard();
  const second = await loadDashboard();
  assert.equal(first, second);
});
