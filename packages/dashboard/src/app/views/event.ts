import type uPlot from "uplot";
import { api } from "../api.ts";
import { Heatmap } from "../charts/heatmap.ts";
import { seriesColor } from "../charts/palette.ts";
import { renderRankingBars } from "../charts/ranking-bars.ts";
import { TimeChart } from "../charts/time-chart.ts";
import type { EventDetail, EventPatch, Explanation, LiveMessage } from "../contract.ts";
import { el, setText } from "../dom.ts";
import { assetKey, formatDuration, formatNumber, formatTime } from "../format.ts";
import { routeHash } from "../router.ts";
import { loadError } from "./load-error.ts";
import type { View, ViewContext } from "./view.ts";

/** Channels drawn in "signals around the event": the top of the ranking. */
const contextChannels = 3;

/**
 * One event: when it began, which sensors drove it (ranking bars and a time × channel heatmap), the score
 * components over its window, the top sensors' signals around it, and acknowledge / resolve / comment.
 */
export function eventView(context: ViewContext, id: string): View {
  const element = el("section", { testId: "event-view", attrs: { "data-event-id": id } });
  const charts: { destroy(): void }[] = [];
  const statusBadge = el("span", { className: "badge", testId: "event-status" });
  const acknowledge = el("button", { className: "primary", text: "Acknowledge", testId: "acknowledge" });
  const resolve = el("button", { text: "Resolve", testId: "resolve" });
  const comment = el("textarea", {
    testId: "event-comment",
    attrs: { placeholder: "What was found, what was done…" },
  });
  const saveComment = el("button", { text: "Save comment", testId: "save-comment" });
  const savedNote = el("span", { className: "muted", testId: "save-note" });
  let event: EventDetail | undefined;
  let disposed = false;

  async function load(): Promise<void> {
    element.replaceChildren(el("h1", { text: "Event" }), el("div", { className: "empty", text: "Loading…" }));
    try {
      event = await api.event(id);
      build(event);
    } catch (error) {
      element.replaceChildren(el("h1", { text: "Event" }), loadError(`Loading event ${id}`, error, load));
    }
  }

  function build(detail: EventDetail): void {
    for (const chart of charts.splice(0)) chart.destroy();
    comment.value = detail.comment ?? "";
    showStatus(detail);
    const assetHref = routeHash({ name: "asset", site: detail.site, machine: detail.machine });
    const explanation = detail.explanation;
    element.replaceChildren(
      el("div", { className: "row" }, [
        el("h1", { text: `${detail.type} on ` }, [
          el("a", { text: assetKey(detail.site, detail.machine), attrs: { href: assetHref } }),
        ]),
        statusBadge,
      ]),
      el("div", { className: "grid-2" }, [
        el("div", { className: "panel" }, [
          el("h2", { text: "Summary" }),
          el("dl", { className: "kv" }, [
            ...term("Onset", formatTime(explanation?.onset ?? detail.start), "event-onset"),
            ...term(
              "Score phases",
              detail.phases?.length ? detail.phases.map((t) => formatTime(t).slice(11)).join(", ") : "—",
              "event-phases",
            ),
            ...term("Start", formatTime(detail.start)),
            ...term("End", formatTime(detail.end)),
            ...term("Duration", formatDuration(detail.end - detail.start)),
            ...term("Severity", formatNumber(detail.severity)),
            ...term("Top channel", detail.channel ?? "—", "event-top-channel"),
            ...term("Id", detail.id),
          ]),
        ]),
        el("div", { className: "panel" }, [
          el("h2", { text: "Follow-up" }),
          el("div", { className: "row" }, [acknowledge, resolve]),
          el("p", {}, [comment]),
          el("div", { className: "row" }, [saveComment, savedNote]),
        ]),
      ]),
      ...(explanation ? explanationPanels(detail, explanation) : [noExplanation()]),
    );
  }

  function explanationPanels(detail: EventDetail, explanation: Explanation): HTMLElement[] {
    const rankingPanel = el("div", { className: "panel" }, [
      el("h2", { text: "Most affected sensors" }),
      renderRankingBars(explanation.ranking, {
        onSelect: () => {
          location.hash = routeHash({ name: "asset", site: detail.site, machine: detail.machine });
        },
      }),
    ]);
    const componentsContainer = el("div", { className: "chart", testId: "components-chart" });
    const componentsPanel = el("div", { className: "panel" }, [
      el("h2", { text: "Score components" }),
      componentsContainer,
    ]);
    const names = Object.keys(explanation.components);
    if (names.length > 0 && explanation.componentTimestamps.length > 0) {
      const chart = new TimeChart({
        container: componentsContainer,
        height: 220,
        series: names.map((name, i) => ({ label: name, color: seriesColor(i) })),
        bands: () => [{ start: detail.start, end: detail.end, emphasis: false }],
        markers: () => [explanation.onset],
        phaseMarkers: () => detail.phases ?? [],
      });
      chart.setData([
        explanation.componentTimestamps,
        ...names.map((name) => explanation.components[name] ?? []),
      ] as uPlot.AlignedData);
      charts.push(chart);
    } else {
      componentsContainer.append(
        el("div", { className: "empty", text: "The detector reported no score components." }),
      );
    }
    const rankOf = new Map(explanation.ranking.map((entry, rank) => [entry.channel, rank]));
    const rowOrder = explanation.heatmap.channels
      .map((_, index) => index)
      .sort(
        (a, b) =>
          (rankOf.get(explanation.heatmap.channels[a] as string) ?? Number.MAX_SAFE_INTEGER) -
          (rankOf.get(explanation.heatmap.channels[b] as string) ?? Number.MAX_SAFE_INTEGER),
      );
    const heatmapPanel = el("div", { className: "panel" }, [
      el("h2", { text: "Contribution over time × channel" }),
    ]);
    if (explanation.heatmap.timestamps.length > 0 && rowOrder.length > 0) {
      const heatmap = new Heatmap(explanation.heatmap, { rowOrder, marker: explanation.onset });
      heatmapPanel.append(heatmap.element);
      charts.push(heatmap);
    } else {
      heatmapPanel.append(el("div", { className: "empty", text: "No per-step contributions were stored." }));
    }
    const signalsContainer = el("div", { className: "chart", testId: "event-signals-chart" });
    const signalsPanel = el("div", { className: "panel" }, [
      el("h2", { text: "Top sensors around the event" }),
      signalsContainer,
    ]);
    void loadSignals(detail, explanation, signalsContainer);
    return [el("div", { className: "grid-2" }, [rankingPanel, componentsPanel]), heatmapPanel, signalsPanel];
  }

  async function loadSignals(
    detail: EventDetail,
    explanation: Explanation,
    container: HTMLElement,
  ): Promise<void> {
    const top = explanation.ranking.slice(0, contextChannels).map((entry) => entry.channel);
    if (top.length === 0) return;
    // Show as much normal behaviour before and after as the event lasted (at least a minute each side).
    const margin = Math.max(60_000, detail.end - detail.start);
    try {
      const series = await api.series(detail.site, detail.machine, {
        from: detail.start - margin,
        to: detail.end + margin,
        channels: top,
        maxPoints: 1500,
      });
      if (disposed) return;
      const chart = new TimeChart({
        container,
        height: 220,
        series: series.channels.map((name, i) => ({ label: name, color: seriesColor(i) })),
        bands: () => [{ start: detail.start, end: detail.end, emphasis: detail.status === "open" }],
        markers: () => [explanation.onset],
        phaseMarkers: () => detail.phases ?? [],
      });
      chart.setData([series.timestamps, ...series.values] as uPlot.AlignedData);
      charts.push(chart);
    } catch (error) {
      container.replaceChildren(
        loadError("Loading the signals around the event", error, () => {
          container.replaceChildren();
          void loadSignals(detail, explanation, container);
        }),
      );
    }
  }

  function showStatus(detail: EventDetail): void {
    statusBadge.className = `badge ${detail.status}`;
    setText(statusBadge, detail.status);
    statusBadge.dataset.status = detail.status;
    acknowledge.disabled = detail.status !== "open";
    resolve.disabled = detail.status === "resolved";
  }

  async function patch(change: EventPatch, what: string): Promise<void> {
    const buttons = [acknowledge, resolve, saveComment];
    for (const button of buttons) button.disabled = true;
    try {
      const updated = await api.patchEvent(id, change);
      event = { ...updated, explanation: updated.explanation ?? event?.explanation };
      setText(savedNote, `${what} at ${formatTime(Date.now()).slice(11)}`);
    } catch (error) {
      context.errors.show(error, `${what} failed`);
    } finally {
      saveComment.disabled = false;
      if (event) showStatus(event);
    }
  }

  acknowledge.addEventListener("click", () => void patch({ status: "acknowledged" }, "Acknowledged"));
  resolve.addEventListener("click", () => void patch({ status: "resolved" }, "Resolved"));
  saveComment.addEventListener("click", () => void patch({ comment: comment.value }, "Comment saved"));

  /** After a reconnect: the status may have changed meanwhile; typed comment text is kept. */
  async function refreshStatus(): Promise<void> {
    if (!event) return load();
    try {
      const latest = await api.event(id);
      event = { ...event, status: latest.status };
      showStatus(event);
    } catch (error) {
      context.errors.show(error, `Refreshing event ${id}`);
    }
  }

  function receive(message: LiveMessage): void {
    if (message.type !== "event" || message.event.id !== id || !event) return;
    // Someone else (or the scorer, extending the event) changed it: refresh the status, keep typed text.
    event = { ...event, ...message.event };
    showStatus(event);
  }

  void load();
  return {
    element,
    receive,
    resync: () => void refreshStatus(),
    dispose: () => {
      disposed = true;
      for (const chart of charts.splice(0)) chart.destroy();
    },
  };
}

function term(name: string, value: string, testId?: string): HTMLElement[] {
  return [el("dt", { text: name }), el("dd", { text: value, ...(testId ? { testId } : {}) })];
}

function noExplanation(): HTMLElement {
  return el("div", { className: "panel empty", testId: "no-explanation" }, [
    "No explanation is stored for this event: its detector gave no attribution.",
  ]);
}
