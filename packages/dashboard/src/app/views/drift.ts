import { api } from "../api.ts";
import type { DriftReport, DriftSignal, DriftStatus, LiveMessage } from "../contract.ts";
import { el } from "../dom.ts";
import { assetKey, formatNumber } from "../format.ts";
import { FrameBatcher } from "../frame-batcher.ts";
import { loadError } from "./load-error.ts";
import type { View, ViewContext } from "./view.ts";

type AssetDrift = DriftReport["assets"][number];

/**
 * Drift per asset: latent-distribution, score and per-channel data drift, each statistic against its
 * calibrated threshold, and where retraining stands. A row opens to show every channel.
 */
export function driftView(context: ViewContext): View {
  const element = el("section", { testId: "drift-view" });
  const assets = new Map<string, AssetDrift>();
  const expanded = new Set<string>();
  const tbody = el("tbody");
  const batcher = new FrameBatcher(render);

  async function load(): Promise<void> {
    element.replaceChildren(el("h1", { text: "Drift" }), el("div", { className: "empty", text: "Loading…" }));
    try {
      const report = await api.drift();
      assets.clear();
      for (const asset of report.assets) assets.set(assetKey(asset.site, asset.machine), asset);
      element.replaceChildren(
        el("h1", { text: "Drift" }),
        el("div", { className: "panel" }, [
          el("p", {
            className: "muted",
            text: "Each statistic is shown against its threshold, calibrated to the service's false-alarm rate; red means the detector alarms.",
          }),
          el("table", { className: "data", testId: "drift-table" }, [
            el("thead", {}, [
              el("tr", {}, [
                el("th", { text: "Asset" }),
                el("th", { text: "Latent (MMD/KS)" }),
                el("th", { text: "Score" }),
                el("th", { text: "Channels (PSI) in alarm" }),
                el("th", { text: "Worst channel" }),
                el("th", { text: "Retraining" }),
              ]),
            ]),
            tbody,
          ]),
        ]),
      );
      render();
    } catch (error) {
      element.replaceChildren(el("h1", { text: "Drift" }), loadError("Loading drift", error, load));
    }
  }

  function render(): void {
    const sorted = [...assets.entries()].sort(([a], [b]) => a.localeCompare(b));
    tbody.replaceChildren(
      ...(sorted.length === 0
        ? [
            el("tr", {}, [
              el("td", { className: "empty", text: "No asset is monitored yet", attrs: { colspan: "6" } }),
            ]),
          ]
        : sorted.flatMap(([key, drift]) => rows(key, drift))),
    );
  }

  function rows(key: string, drift: DriftStatus): HTMLTableRowElement[] {
    const channels = Object.entries(drift.channels).sort(([, a], [, b]) => ratio(b) - ratio(a));
    const alarming = channels.filter(([, signal]) => signal.alarm).length;
    const worst = channels[0];
    const row = el(
      "tr",
      {
        className: "clickable",
        testId: "drift-row",
        attrs: { "data-asset": key },
        on: {
          click: () => {
            if (expanded.has(key)) expanded.delete(key);
            else expanded.add(key);
            render();
          },
        },
      },
      [
        el("td", { text: `${expanded.has(key) ? "▾" : "▸"} ${key}` }),
        el("td", {}, [signalCell(drift.latent)]),
        el("td", {}, [signalCell(drift.score)]),
        el("td", {
          className: alarming > 0 ? "mono" : "mono muted",
          text: `${alarming} / ${channels.length}`,
        }),
        el(
          "td",
          {},
          worst ? [el("span", { className: "mono", text: `${worst[0]} ` }), signalCell(worst[1])] : [],
        ),
        el("td", {}, [
          el("span", {
            className: `badge ${drift.retrain?.state === "idle" ? "" : "warning"}`,
            text: drift.retrain?.state ?? "—",
          }),
          el("span", { className: "muted", text: drift.retrain?.reason ? ` ${drift.retrain.reason}` : "" }),
        ]),
      ],
    );
    if (!expanded.has(key)) return [row];
    const detail = el("tr", {}, [
      el("td", { attrs: { colspan: "6" } }, [
        el(
          "div",
          { className: "row" },
          channels.map(([channel, signal]) =>
            el("span", { className: "drift-bar" }, [
              el("span", { className: "mono", text: channel }),
              signalCell(signal),
            ]),
          ),
        ),
      ]),
    ]);
    return [row, detail];
  }

  function receive(message: LiveMessage): void {
    if (message.type !== "drift") return;
    assets.set(assetKey(message.site, message.machine), {
      site: message.site,
      machine: message.machine,
      ...message.drift,
    });
    batcher.request();
  }

  /** After a reconnect: drift messages may have been missed; a failure leaves the table as it was. */
  async function refresh(): Promise<void> {
    try {
      const report = await api.drift();
      for (const asset of report.assets) assets.set(assetKey(asset.site, asset.machine), asset);
      batcher.request();
    } catch (error) {
      context.errors.show(error, "Refreshing drift");
    }
  }

  void load();
  return { element, receive, resync: () => void refresh(), dispose: () => batcher.dispose() };
}

/** How far a statistic is towards its threshold (1 = at the threshold); orders channels worst first. */
function ratio(signal: DriftSignal): number {
  return signal.threshold > 0
    ? signal.statistic / signal.threshold
    : signal.alarm
      ? Number.POSITIVE_INFINITY
      : 0;
}

function signalCell(signal: DriftSignal): HTMLElement {
  const fill = Math.min(1, ratio(signal) / 2);
  return el("span", { className: "drift-bar", attrs: { "data-alarm": String(signal.alarm) } }, [
    el("span", {
      className: `mono ${signal.alarm ? "badge alarm" : ""}`,
      text: `${formatNumber(signal.statistic, 3)} / ${formatNumber(signal.threshold, 3)}`,
    }),
    el("span", { className: "gauge" }, [
      el("span", {
        className: `gauge-fill ${signal.alarm ? "alarm" : ""}`,
        attrs: { style: `width:${(fill * 100).toFixed(0)}%` },
      }),
      el("span", { className: "gauge-mark", attrs: { style: "left:50%" } }),
    ]),
  ]);
}
