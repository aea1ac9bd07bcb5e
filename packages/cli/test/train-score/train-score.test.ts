import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { VigilInputError } from "@vigil/core/errors";
import { assertWellFormedXml } from "../../../core/test/helpers/xml.ts";
import { scoreCommand } from "../../src/commands/score.ts";
import { trainCommand } from "../../src/commands/train.ts";
import { FAULT, writeFixtureCsv } from "./fixture.ts";

let dir = "";
const path = (name: string) => join(dir, name);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "vigil-train-score-"));
  await writeFixtureCsv(path("train.csv"), 1500, 1, false);
  await writeFixtureCsv(path("test.csv"), 600, 2, true);
});
after(() => rm(dir, { recursive: true, force: true }));

for (const detector of ["pca", "conv-ae"]) {
  test(`${detector}: train then score finds the injected fault, attributes it to the right channel(s), and writes every output`, async () => {
    const config = path(`${detector}.json`);
    // Small enough for a second of training; the defaults are for real data.
    await writeFile(
      config,
      JSON.stringify(
        detector === "conv-ae"
          ? { detector: { windowLength: 16, cnnBlocks: 2, hidden: 16, epochs: 6, scoreSteps: 2 } }
          : { calibration: { mergeGapSeconds: 5 } },
      ),
    );
    const card = await trainCommand({
      data: path("train.csv"),
      detector,
      config,
      asset: "plant/pump-1",
      home: dir,
      json: true,
    });
    assert.equal(card.kind, detector);
    assert.deepEqual(card.asset, { site: "plant", machine: "pump-1" });
    assert.ok(card.calibration !== undefined && Number.isFinite(card.calibration.threshold));
    assert.equal(card.training.steps, 1500);

    const files = {
      out: path(`${detector}.csv`),
      events: path(`${detector}.json`),
      plot: path(`${detector}.svg`),
    };
    const run = await scoreCommand({
      model: card.id,
      data: path("test.csv"),
      home: dir,
      json: true,
      ...files,
    });
    const hits = run.events.filter((e) => e.first.step < FAULT.end && e.last.step >= FAULT.start);
    assert.equal(
      hits.length,
      1,
      `one event over the fault, events at ${run.events.map((e) => e.first.step)}`,
    );
    const event = hits[0]!;
    if (detector === "pca") {
      // PCA's residual lies along the least-variance direction of the training data whichever channel moved, so
      // breaking the b–c coupling splits the blame evenly between the two (shares 0.499 / 0.499 over seeds):
      // the coupled pair must lead the ranking, in either order. The autoencoder singles out the channel itself.
      const pair = event.ranking.slice(0, 2).map((r) => r.channel);
      assert.deepEqual(pair.sort(), [FAULT.channel, "c"], `ranking ${pair}`);
    } else assert.equal(event.ranking[0]!.channel, FAULT.channel);
    assert.ok(event.onset.step <= event.first.step && event.first.step <= FAULT.start + 20);
    assert.ok(run.events.length <= 3, `few false alarms: ${run.events.length} events`);

    const csv = (await readFile(files.out, "utf8")).trimEnd().split("\n");
    assert.equal(csv.length, 601);
    assert.match(csv[0]!, /^time,score,.*contribution:a,contribution:b,contribution:c,event$/);
    const eventColumn = csv.slice(1).map((line) => line.split(",").at(-1));
    assert.equal(eventColumn[FAULT.start + 10], String(run.events.indexOf(event) + 1));

    const events = JSON.parse(await readFile(files.events, "utf8"));
    assert.equal(events.model, card.id);
    assert.equal(events.events.length, run.events.length);
    const top = event.ranking[0]!.channel;
    assert.equal(events.events[run.events.indexOf(event)].ranking[0].channel, top);

    const svg = await readFile(files.plot, "utf8");
    assertWellFormedXml(svg);
    assert.match(svg, /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal(svg.match(/<g class="event"/g)?.length, run.events.length);
    assert.match(svg, new RegExp(`<title>event \\d+: [^<]*top channels ${top} \\d+%`));
    assert.match(svg, />threshold [\d.e+-]+</);
    assert.match(svg, new RegExp(`>${top}<`), "the top-ranked channel is plotted by default");
  });
}

test("a bad config is rejected before training, naming the file and the key", async () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ detector: { windowLenght: 32 } }, /column detector\.windowLenght: Unknown option "windowLenght"/],
    [{ detector: { epochs: -1 } }, /column detector\.epochs: Expected a positive integer for epochs/],
    [{ calibration: { mergeGapSeconds: "60" } }, /column calibration\.mergeGapSeconds/],
    [{ calibration: { threshold: { risk: 2 } } }, /for risk but received 2/],
    [{ detectr: {} }, /detectr/],
  ];
  for (const [config, message] of cases) {
    const file = path("bad.json");
    await writeFile(file, JSON.stringify(config));
    await assert.rejects(
      trainCommand({ data: path("missing.csv"), detector: "vae", config: file, home: dir }),
      (e) => e instanceof VigilInputError && e.message.startsWith(file) && message.test(e.message),
      JSON.stringify(config),
    );
  }
  await writeFile(path("syntax.json"), '{ "detector": { "epochs": 3, } }');
  await assert.rejects(
    trainCommand({ data: path("train.csv"), detector: "pca", config: path("syntax.json"), home: dir }),
    /line 1, column 30: invalid JSON/,
  );
  await assert.rejects(
    trainCommand({ data: path("train.csv"), detector: "lstm-ae", config: path("none.json"), home: dir }),
    /none\.json/,
  );
  await assert.rejects(trainCommand({ data: path("train.csv"), detector: "vea", home: dir }), /one of .*vae/);
  await assert.rejects(
    trainCommand({ data: path("train.csv"), detector: "pca", asset: "pump-1", home: dir }),
    /--asset as site\/machine/,
  );
});

test("scoring an unknown model says so", async () => {
  await assert.rejects(
    scoreCommand({ model: "vae-v1-00000000", data: path("test.csv"), home: dir }),
    (e: { code?: string }) => e.code === "VIGIL_ERR_MODEL_NOT_FOUND",
  );
});
