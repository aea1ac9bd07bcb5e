import { api } from "../api.ts";
import type { AssetSummary, Job, LiveMessage, ModelSummary } from "../contract.ts";
import { el } from "../dom.ts";
import { assetKey, formatNumber, formatTime } from "../format.ts";
import { loadError } from "./load-error.ts";
import type { View, ViewContext } from "./view.ts";

/** Detectors the service's registry knows (the benchmark set of @vigil/detect); free text is allowed too. */
const knownDetectors = ["vae", "pca", "isolation-forest", "rolling-robust-z"] as const;
/** While the live socket is down, running jobs are polled this often instead. */
const jobPollMs = 2000;

/**
 * Models: every version per asset with its metrics and status (active / shadow / retired), a form to
 * train a new one with the job's progress pushed over the socket, and activate / roll back.
 */
export function modelsView(context: ViewContext): View {
  const element = el("section", { testId: "models-view" });
  const models = new Map<string, ModelSummary>();
  const jobs = new Map<string, Job>();
  const pollTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const modelsBody = el("tbody");
  const jobsList = el("div", { testId: "job-list" });
  const assetSelect = el("select", { testId: "train-asset" });
  const detectorInput = el("input", {
    testId: "train-detector",
    attrs: { list: "known-detectors", value: "vae", size: "18" },
  });
  const trainButton = el("button", { className: "primary", text: "Train", testId: "train-button" });

  async function load(): Promise<void> {
    element.replaceChildren(
      el("h1", { text: "Models" }),
      el("div", { className: "empty", text: "Loading…" }),
    );
    try {
      const [assets, list] = await Promise.all([api.assets(), api.models()]);
      build(assets, list);
    } catch (error) {
      element.replaceChildren(el("h1", { text: "Models" }), loadError("Loading the models", error, load));
    }
  }

  function build(assets: readonly AssetSummary[], list: readonly ModelSummary[]): void {
    assetSelect.replaceChildren(
      ...assets.map((asset) => {
        const key = assetKey(asset.site, asset.machine);
        return el("option", { text: key, attrs: { value: key } });
      }),
    );
    trainButton.disabled = assets.length === 0;
    models.clear();
    for (const model of list) models.set(model.id, model);
    renderModels();
    element.replaceChildren(
      el("h1", { text: "Models" }),
      el("div", { className: "panel" }, [
        el("h2", { text: "Train a model" }),
        el("div", { className: "row" }, [
          el("label", { className: "check", text: "Asset" }, [assetSelect]),
          el("label", { className: "check", text: "Detector" }, [detectorInput]),
          el(
            "datalist",
            { attrs: { id: "known-detectors" } },
            knownDetectors.map((name) => el("option", { attrs: { value: name } })),
          ),
          trainButton,
          el("span", {
            className: "muted",
            text: "Learns from everything stored for the asset as its normal period.",
          }),
        ]),
        jobsList,
      ]),
      el("div", { className: "panel" }, [
        el("h2", { text: "Versions" }),
        el("table", { className: "data", testId: "model-table" }, [
          el("thead", {}, [
            el("tr", {}, [
              el("th", { text: "Asset" }),
              el("th", { text: "Version" }),
              el("th", { text: "Kind" }),
              el("th", { text: "Status" }),
              el("th", { text: "Created" }),
              el("th", { text: "Metrics" }),
              el("th", { text: "" }),
            ]),
          ]),
          modelsBody,
        ]),
      ]),
    );
  }

  function renderModels(): void {
    const sorted = [...models.values()].sort(
      (a, b) => modelAsset(a).localeCompare(modelAsset(b)) || b.version - a.version,
    );
    modelsBody.replaceChildren(
      ...(sorted.length === 0
        ? [
            el("tr", {}, [
              el("td", { className: "empty", text: "No models trained yet", attrs: { colspan: "7" } }),
            ]),
          ]
        : sorted.map(modelRow)),
    );
  }

  function modelRow(model: ModelSummary): HTMLTableRowElement {
    const actions: HTMLElement[] = [];
    if (model.status !== "active") {
      actions.push(
        el("button", {
          text: model.status === "shadow" ? "Promote" : "Activate",
          testId: "activate-model",
          on: {
            click: (event) => void act(event, () => api.activateModel(model.id), `Activating ${model.id}`),
          },
        }),
      );
    } else if (model.site !== undefined && model.machine !== undefined && hasRetiredPredecessor(model)) {
      const { site, machine } = model;
      actions.push(
        el("button", {
          text: "Roll back",
          testId: "rollback-model",
          attrs: { title: "Reactivate the version that was active before this one" },
          on: {
            click: (event) =>
              void act(event, () => api.rollbackModel(site, machine), `Rolling back ${site}/${machine}`),
          },
        }),
      );
    }
    return el(
      "tr",
      { testId: "model-row", attrs: { "data-model-id": model.id, "data-status": model.status } },
      [
        el("td", { text: modelAsset(model) }),
        el("td", { className: "mono", text: `v${model.version}`, attrs: { title: model.id } }),
        el("td", { text: model.kind }),
        el("td", {}, [el("span", { className: `badge ${model.status}`, text: model.status })]),
        el("td", { className: "mono", text: formatTime(model.created) }),
        el("td", { className: "mono muted wrap", text: formatMetrics(model.metrics) }),
        el("td", {}, actions),
      ],
    );
  }

  /** Roll back reactivates the model retired when this one was activated: there must be one. */
  function hasRetiredPredecessor(active: ModelSummary): boolean {
    return [...models.values()].some(
      (model) =>
        modelAsset(model) === modelAsset(active) &&
        model.status === "retired" &&
        model.created <= active.created,
    );
  }

  async function act(event: Event, action: () => Promise<ModelSummary>, what: string): Promise<void> {
    const button = event.currentTarget as HTMLButtonElement;
    button.disabled = true;
    try {
      await action();
    } catch (error) {
      context.errors.show(error, what);
      button.disabled = false;
      return;
    }
    // Activation changes the status of two versions (the new and the old): reload the whole list.
    await reloadModels();
  }

  trainButton.addEventListener("click", async () => {
    const [site, machine] = splitAsset(assetSelect.value);
    const detector = detectorInput.value.trim();
    if (!site || !machine || !detector) {
      context.errors.show(new Error("Choose an asset and a detector"), "Training");
      return;
    }
    trainButton.disabled = true;
    try {
      const job = await api.train({ site, machine, detector });
      trackJob(job);
    } catch (error) {
      context.errors.show(error, `Training ${detector} on ${site}/${machine}`);
    } finally {
      trainButton.disabled = false;
    }
  });

  function trackJob(job: Job): void {
    jobs.set(job.id, job);
    renderJobs();
    schedulePoll(job);
  }

  function schedulePoll(job: Job): void {
    clearTimeout(pollTimers.get(job.id));
    if (job.state === "done" || job.state === "failed") return;
    pollTimers.set(
      job.id,
      setTimeout(async () => {
        if (context.live.state === "open") return schedulePoll(jobs.get(job.id) ?? job);
        try {
          updateJob(await api.job(job.id));
        } catch (error) {
          context.errors.show(error, `Checking job ${job.id}`);
        }
      }, jobPollMs),
    );
  }

  function updateJob(job: Job): void {
    const previous = jobs.get(job.id);
    jobs.set(job.id, job);
    renderJobs();
    schedulePoll(job);
    if (job.state === "done" && previous?.state !== "done") void reloadModels();
  }

  async function reloadModels(): Promise<void> {
    try {
      const list = await api.models();
      models.clear();
      for (const model of list) models.set(model.id, model);
      renderModels();
    } catch (error) {
      context.errors.show(error, "Reloading the models");
    }
  }

  function renderJobs(): void {
    jobsList.replaceChildren(
      ...[...jobs.values()].map((job) =>
        el(
          "div",
          { className: "row", testId: "job-row", attrs: { "data-job-id": job.id, "data-state": job.state } },
          [
            el("span", { className: `badge ${job.state}`, text: `${job.kind} ${job.state}` }),
            el(
              "div",
              {
                className: "progress",
                attrs: { role: "progressbar", "aria-valuenow": String(job.progress) },
              },
              [
                el("div", {
                  attrs: { style: `width:${(Math.min(1, Math.max(0, job.progress)) * 100).toFixed(0)}%` },
                }),
              ],
            ),
            el("span", { className: "mono", text: `${(job.progress * 100).toFixed(0)} %` }),
            el("span", { className: job.state === "failed" ? "" : "muted", text: job.message ?? "" }),
            el("span", { className: "mono muted", text: job.model ?? "" }),
          ],
        ),
      ),
    );
  }

  function receive(message: LiveMessage): void {
    if (message.type === "job") {
      // Retrains started by the drift monitor show up here too, not only jobs started from this page.
      updateJob(message.job);
    } else if (message.type === "model") {
      void reloadModels();
    }
  }

  void load();
  return {
    element,
    receive,
    resync: () => void reloadModels(),
    dispose: () => {
      for (const timer of pollTimers.values()) clearTimeout(timer);
    },
  };
}

function modelAsset(model: ModelSummary): string {
  return model.site !== undefined && model.machine !== undefined
    ? assetKey(model.site, model.machine)
    : "(fleet)";
}

function splitAsset(key: string): [string | undefined, string | undefined] {
  const slash = key.indexOf("/");
  return slash < 0 ? [undefined, undefined] : [key.slice(0, slash), key.slice(slash + 1)];
}

/** Counts stay integers ("trainRows=2250"); measurements get three decimals. */
function formatMetric(value: number): string {
  return Number.isInteger(value) ? String(value) : formatNumber(value, 3);
}

/** "auc=0.93 · f1=0.71 · windows=1200": numbers rounded, nested values left out (shown in the title). */
function formatMetrics(metrics: Readonly<Record<string, unknown>>): string {
  return Object.entries(metrics)
    .filter(([, value]) => typeof value === "number" || typeof value === "string")
    .slice(0, 6)
    .map(([name, value]) => `${name}=${typeof value === "number" ? formatMetric(value) : value}`)
    .join(" · ");
}
