import assert from "node:assert/strict";
import { mkdir, rm } from "node:fs/promises";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import mqtt from "mqtt";
import type { Page } from "playwright-core";
import { api, eventually, startTestService } from "../helpers/service-fixture.ts";
import { chromiumMissing, launchChromium } from "./chromium.ts";

const artifacts = fileURLToPath(new URL("../../../../artifacts/browser/", import.meta.url));
const site = "test-site";
const machine = "press-1";
const asset = `${site}/${machine}`;
const channels = ["pressure", "temperature", "vibration", "flow"] as const;
const anomalous = "temperature";
const rateHz = 10;
const stepMs = 1000 / rateHz;

/** A small deterministic generator (LCG) so every run sees the same noise. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

/** A sine of the given period: each channel has its own, so no channel is a mix of the others. */
const wave = (t: number, periodMs: number): number => Math.sin((2 * Math.PI * t) / periodMs);

/** One row of the press at time t: slow periodic behaviour plus noise; `shift` moves the anomalous channel. */
function pressRow(t: number, random: () => number, shift = 0): Record<string, number> {
  return {
    t,
    pressure: 50 + 2 * wave(t, 31_000) + 0.5 * random(),
    temperature: 70 + 1.5 * wave(t, 47_000) + 0.5 * random() + shift,
    vibration: 1 + 0.1 * wave(t, 11_000) + 0.1 * random(),
    flow: 12 + 0.5 * wave(t, 71_000) + 0.2 * random(),
  };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
}

test("dashboard: an anomalous MQTT burst crosses the threshold, opens an event, and the event shows its root cause", {
  skip: chromiumMissing() ?? false,
  timeout: 120_000,
}, async (t) => {
  await mkdir(artifacts, { recursive: true });
  // A failure screenshot left by an earlier run would be mistaken for this run's.
  await rm(`${artifacts}failure.png`, { force: true });
  const service = await startTestService({ dashboard: true });
  t.after(() => service.stop());
  const random = noise(7);

  // Five minutes of normal history, stored over HTTP, ending two minutes ago so the live part that
  // follows (published faster than real time) never reaches into the future.
  const liveStart = Date.now() - 120_000;
  const history: object[] = [];
  for (let time = liveStart - 300_000; time < liveStart; time += stepMs) {
    const row = pressRow(time, random);
    for (const channel of channels) history.push({ site, machine, channel, t: time, v: row[channel] });
  }
  const ingested = await api(service, "/api/ingest", { method: "POST", body: { readings: history } });
  assert.equal(ingested.status, 200, JSON.stringify(ingested.body));
  assert.equal(ingested.body.rejected, 0);

  const started = await api(service, "/api/models/train", {
    method: "POST",
    body: { site, machine, detector: "pca" },
  });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  const job = await eventually(
    async () => {
      const { body } = await api(service, `/api/jobs/${started.body.id}`);
      return body.state === "done" || body.state === "failed" ? body : undefined;
    },
    30_000,
    "the training job",
  );
  assert.equal(job.state, "done", `training failed: ${job.message}`);

  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });

  try {
    await page.goto(`${service.url}/`);
    const row = page.locator(`[data-testid="asset-row"][data-asset="${asset}"]`);
    await row.waitFor();
    await page.locator('[data-testid="live-status"][data-state="open"]').waitFor();
    // Record whether the fleet row ever shows the score above its threshold: the crossing may be brief.
    await page.evaluate((key) => {
      const flags = window as unknown as { crossed?: boolean };
      const selector = `[data-testid="asset-row"][data-asset="${key}"] [data-testid="asset-score"]`;
      new MutationObserver(() => {
        if (document.querySelector(selector)?.getAttribute("data-above-threshold") === "true")
          flags.crossed = true;
      }).observe(document.body, {
        attributes: true,
        subtree: true,
        attributeFilter: ["data-above-threshold"],
      });
    }, asset);

    const client = await mqtt.connectAsync(service.mqtt.url);
    t.after(() => client.endAsync());
    const publish = (rows: object[]) =>
      client.publishAsync(`vigil/${site}/${machine}`, JSON.stringify(rows), { qos: 1 });
    // Live data at ten times real time: one second of readings every 100 ms.
    let time = liveStart;
    const publishSeconds = async (seconds: number, shift: number) => {
      for (let s = 0; s < seconds; s++) {
        const rows = [];
        for (let i = 0; i < rateHz; i++, time += stepMs) rows.push(pressRow(time, random, shift));
        await publish(rows);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await publishSeconds(20, 0);
    await shot(page, "01-fleet-normal");
    const burstStart = time;
    await publishSeconds(5, 12);
    await publishSeconds(10, 0);

    await page.waitForFunction(
      () => (window as unknown as { crossed?: boolean }).crossed === true,
      undefined,
      {
        timeout: 20_000,
      },
    );
    const eventRow = page.locator('[data-testid="event-row"]').first();
    await eventRow.waitFor({ timeout: 20_000 });
    await shot(page, "02-fleet-event");

    await eventRow.click();
    await page.locator('[data-testid="event-view"]').waitFor();
    const bars = page.locator('[data-testid="root-cause-bar"]');
    await bars.first().waitFor();
    assert.equal(await bars.first().getAttribute("data-channel"), anomalous, "the top root cause");
    assert.equal(await bars.count(), channels.length);
    const onset = await page.locator('[data-testid="event-onset"]').textContent();
    assert.ok(onset && onset !== "—", "the event view shows its onset");
    await page.locator('[data-testid="contribution-heatmap"]').waitFor();
    const eventId = await page.locator('[data-testid="event-view"]').getAttribute("data-event-id");
    await page.locator('[data-testid="event-comment"]').fill("Checked the temperature probe");
    await page.locator('[data-testid="save-comment"]').click();
    await page.locator('[data-testid="save-note"]', { hasText: "Comment saved" }).waitFor();
    const { body: stored } = await api(service, `/api/events/${eventId}`);
    assert.equal(stored.comment, "Checked the temperature probe");
    await shot(page, "03-event-root-cause");

    await page.goto(`${service.url}/#/asset/${site}/${machine}`);
    await page.locator('[data-testid="score-chart"] canvas').waitFor();
    await page.waitForTimeout(500);
    await shot(page, "04-asset-score");

    // Drag across the signals chart: the view leaves live mode and fetches that span from the service.
    const plot = page.locator('[data-testid="signals-chart"] .u-over');
    const box = await plot.boundingBox();
    assert.ok(box, "the signals chart has a plot area");
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.locator('[data-testid="asset-range"]', { hasText: "→" }).waitFor();
    await page.locator('[data-testid="zoom-out"]').click();
    await page.locator('[data-testid="asset-range"]', { hasText: "→" }).waitFor();

    // Train a second model from the page: the job's progress arrives over the socket, then it is promoted
    // and rolled back.
    await page.goto(`${service.url}/#/models`);
    await page.locator('[data-testid="model-row"][data-status="active"]').waitFor();
    await page.locator('[data-testid="train-detector"]').fill("rolling-robust-z");
    await page.locator('[data-testid="train-button"]').click();
    await page.locator('[data-testid="job-row"][data-state="done"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="model-row"][data-status="shadow"]').waitFor();
    await shot(page, "05-models");
    await page.locator('[data-testid="activate-model"]').first().click();
    await page.locator('[data-testid="rollback-model"]').waitFor();
    const promoted = await page
      .locator('[data-testid="model-row"][data-status="active"]')
      .getAttribute("data-model-id");
    assert.match(promoted ?? "", /^rolling-robust-z/);
    await page.locator('[data-testid="rollback-model"]').click();
    await eventually(
      async () => {
        const active = await page
          .locator('[data-testid="model-row"][data-status="active"]')
          .getAttribute("data-model-id");
        return active?.startsWith("pca") ? active : undefined;
      },
      10_000,
      "the roll-back to the pca model",
    );
    await page.goto(`${service.url}/#/drift`);
    await page.locator('[data-testid="drift-table"]').waitFor();
    await shot(page, "06-drift");

    const { body: events } = await api(service, `/api/events?site=${site}&machine=${machine}`);
    assert.ok(
      events.some(
        (e: { start: number; end: number }) => e.end >= burstStart - 10_000 && e.start <= burstStart + 15_000,
      ),
      "the stored event covers the burst",
    );
    assert.equal(
      await page.locator('[data-testid="error-toast"]').count(),
      0,
      "no error was shown to the user",
    );
    assert.deepEqual(pageErrors, []);
  } catch (error) {
    // The page as it was when the test failed, beside the error; a failing screenshot must not hide the error.
    await shot(page, "failure").catch(() => undefined);
    throw error;
  }
});
