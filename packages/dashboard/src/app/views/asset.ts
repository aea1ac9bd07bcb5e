import type uPlot from "uplot";
import { api } from "../api.ts";
import { colors, seriesColor } from "../charts/palette.ts";
import { type Band, TimeChart } from "../charts/time-chart.ts";
import type { AssetSummary, EventSummary, LiveMessage, ScoresResponse, SeriesResponse } from "../contract.ts";
import { el, setData, setText } from "../dom.ts";
import { assetKey, formatDuration, formatNumber, formatTime } from "../format.ts";
import { FrameBatcher } from "../frame-batcher.ts";
import { liveHealth } from "../health.ts";
import { SlidingWindow } from "../sliding-window.ts";
import { eventRow, eventTableHead } from "./event-row.ts";
import { loadError } from "./load-error.ts";
import type { View, ViewContext } from "./view.ts";

/** Live windows offered; longer spans are history (decimated by the service), not a growing buffer. */
const liveWindows: readonly { readonly label: string; readonly ms: number }[] = [
  { label: "1 min", ms: 60_000 },
  { label: "5 min", ms: 300_000 },
  { label: "15 min", ms: 900_000 },
];
/** Rows kept in a live buffer: 15 minutes at 20 Hz; beyond it the oldest rows go. */
const liveCapacity = 18_000;
const defaultVisibleChannels = 4;

type Mode =
  | { readonly kind: "live"; readonly windowMs: number }
  | {
      readonly kind: "history";
      readonly from: number;
      readonly to: number;
    };

interface Loaded {
  readonly from: number;
  readonly to: number;
  /** The service returned fewer points than asked: the data is complete at any zoom inside the range. */
  readonly complete: boolean;
}

/**
 * One asset: live signals and the anomaly score with its threshold and event bands, zoom (drag across a
 * chart) and pan over history. Live mode appends socket messages to bounded buffers and redraws once per
 * animation frame; history mode fetches the range at the chart's pixel resolution from the service.
 */
export function assetView(context: ViewContext, site: string, machine: string): View {
  const key = assetKey(site, machine);
  const element = el("section", { testId: "asset-view", attrs: { "data-asset": key } });
  const batcher = new FrameBatcher(render);
  let channels: string[] = [];
  let visible = new Set<string>();
  let mode: Mode = { kind: "live", windowMs: (liveWindows[1] as { ms: number }).ms };
  let signalsWindow = new SlidingWindow(liveCapacity, 0);
  const scoresWindow = new SlidingWindow(liveCapacity, 2);
  let historySignals: uPlot.AlignedData | undefined;
  let historyScores: uPlot.AlignedData | undefined;
  let loaded: Loaded | undefined;
  let requestSequence = 0;
  const events = new Map<string, EventSummary>();
  let signalsChart: TimeChart | undefined;
  let scoreChart: TimeChart | undefined;
  let disposed = false;
  let eventsDirty = false;

  const scoreValue = el("span", { className: "mono", testId: "asset-score-value" });
  const scoreBox = el("div", { className: "score-cell", testId: "asset-score" }, [scoreValue]);
  const healthBadge = el("span", { className: "badge", testId: "asset-health" });
  const modeLabel = el("span", { className: "muted mono", testId: "asset-range" });
  const loadingLabel = el("span", { className: "muted" });
  const channelPicker = el("div", { className: "row", testId: "channel-picker" });
  const signalsContainer = el("div", { className: "chart", testId: "signals-chart" });
  const scoreContainer = el("div", { className: "chart", testId: "score-chart" });
  const eventsBody = el("tbody");
  const windowButtons = liveWindows.map((option) =>
    el("button", {
      text: `Live ${option.label}`,
      testId: "live-window",
      on: { click: () => enterLive(option.ms) },
    }),
  );
  let latestScore: number | undefined;
  let latestThreshold: number | undefined;

  async function load(): Promise<void> {
    element.replaceChildren(el("h1", { text: key }), el("div", { className: "empty", text: "Loading…" }));
    try {
      const [assets, assetEvents] = await Promise.all([api.assets(), api.events({ site, machine })]);
      const summary = assets.find((asset) => asset.site === site && asset.machine === machine);
      if (!summary) {
        element.replaceChildren(
          el("h1", { text: key }),
          el("div", { className: "load-error", text: `No asset ${key} is known to the service.` }),
        );
        return;
      }
      for (const event of assetEvents) events.set(event.id, event);
      build(summary);
      context.live.subscribe(site, machine);
      await enterLive(mode.kind === "live" ? mode.windowMs : 300_000, summary.lastSeen);
    } catch (error) {
      element.replaceChildren(el("h1", { text: key }), loadError(`Loading ${key}`, error, load));
    }
  }

  function build(summary: AssetSummary): void {
    latestScore = summary.score;
    latestThreshold = summary.threshold;
    setChannels([...summary.channels]);
    scoreChart = new TimeChart({
      container: scoreContainer,
      height: 200,
      syncKey: key,
      series: [
        { label: "score", color: colors.score, width: 1.5 },
        { label: "threshold", color: colors.threshold, dash: [6, 4] },
      ],
      xRange: visibleRange,
      bands: eventBands,
      yScale: "asinh",
      onSelectRange: (from, to) => void showHistory(from, to),
    });
    element.replaceChildren(
      el("div", { className: "row" }, [
        el("h1", { text: key }),
        healthBadge,
        el("span", { className: "spacer" }),
        scoreBox,
      ]),
      el("div", { className: "panel" }, [
        el("div", { className: "row" }, [
          ...windowButtons,
          el("button", { text: "◀ Pan", testId: "pan-left", on: { click: () => pan(-0.5) } }),
          el("button", { text: "Pan ▶", testId: "pan-right", on: { click: () => pan(0.5) } }),
          el("button", { text: "Zoom out", testId: "zoom-out", on: { click: zoomOut } }),
          el("span", { className: "muted", text: "Drag across a chart to zoom in." }),
          el("span", { className: "spacer" }),
          loadingLabel,
          modeLabel,
        ]),
      ]),
      el("div", { className: "panel" }, [
        el("h2", { text: "Anomaly score (calibrated, asinh axis: linear near zero, logarithmic for peaks)" }),
        scoreContainer,
      ]),
      el("div", { className: "panel" }, [el("h2", { text: "Signals" }), channelPicker, signalsContainer]),
      el("div", { className: "panel" }, [
        el("h2", { text: "Events" }),
        el("table", { className: "data", testId: "event-table" }, [
          eventTableHead({ showAsset: false }),
          eventsBody,
        ]),
      ]),
    );
    eventsDirty = true;
  }

  /** (Re)creates the signals chart for this channel list (a new channel needs a new uPlot series). */
  function setChannels(names: string[]): void {
    channels = names;
    visible = new Set(names.filter((name) => visible.has(name)));
    if (visible.size === 0) for (const name of names.slice(0, defaultVisibleChannels)) visible.add(name);
    signalsWindow = new SlidingWindow(liveCapacity, names.length);
    signalsChart?.destroy();
    signalsChart = new TimeChart({
      container: signalsContainer,
      height: 280,
      syncKey: key,
      series: names.map((name, i) => ({ label: name, color: seriesColor(i), show: visible.has(name) })),
      xRange: visibleRange,
      bands: eventBands,
      onSelectRange: (from, to) => void showHistory(from, to),
    });
    channelPicker.replaceChildren(
      el("button", { text: "All", on: { click: () => setVisible(names) } }),
      el("button", { text: "None", on: { click: () => setVisible([]) } }),
      ...names.map((name, i) => {
        const box = el("input", { attrs: { type: "checkbox", "data-channel": name } });
        box.checked = visible.has(name);
        box.addEventListener("change", () => {
          if (box.checked) visible.add(name);
          else visible.delete(name);
          signalsChart?.setSeriesVisible(i, box.checked);
        });
        return el("label", { className: "check" }, [
          box,
          el("span", { className: "swatch", attrs: { style: `background:${seriesColor(i)}` } }),
          name,
        ]);
      }),
    );
  }

  function setVisible(names: readonly string[]): void {
    visible = new Set(names);
    channels.forEach((name, i) => {
      signalsChart?.setSeriesVisible(i, visible.has(name));
    });
    channelPicker.querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((box) => {
      box.checked = visible.has(box.dataset.channel ?? "");
    });
  }

  function latestTime(): number | undefined {
    const times = [signalsWindow.lastTime, scoresWindow.lastTime].filter((t): t is number => t !== undefined);
    return times.length === 0 ? undefined : Math.max(...times);
  }

  /**
   * The live window ends at the newest data rather than at the browser's clock: the service may replay
   * data in accelerated or past time, and a clock-based window would then show nothing.
   */
  function visibleRange(): readonly [number, number] | undefined {
    if (mode.kind === "history") return [mode.from, mode.to];
    const end = latestTime();
    return end === undefined ? undefined : [end - mode.windowMs, end];
  }

  async function enterLive(windowMs: number, anchor?: number): Promise<void> {
    mode = { kind: "live", windowMs };
    historySignals = undefined;
    historyScores = undefined;
    const to = anchor ?? latestTime() ?? Date.now();
    const from = to - windowMs;
    const sequence = ++requestSequence;
    setText(loadingLabel, "loading…");
    try {
      const [series, scores] = await fetchRange(from, to + windowMs, liveCapacity);
      if (sequence !== requestSequence || disposed) return;
      signalsWindow.clear();
      scoresWindow.clear();
      appendSeries(series);
      appendScores(scores);
      loaded = undefined;
      setText(loadingLabel, "");
    } catch (error) {
      setText(loadingLabel, "");
      context.errors.show(error, `Loading recent data of ${key}`);
    }
    batcher.request();
  }

  /** Shows [from, to], fetching it unless the data already loaded covers it at full resolution. */
  async function showHistory(from: number, to: number): Promise<void> {
    if (!(to > from)) return;
    mode = { kind: "history", from, to };
    if (loaded?.complete && from >= loaded.from && to <= loaded.to && historySignals) {
      batcher.request();
      return;
    }
    if (!historySignals) {
      // Freeze what live mode showed until the fetch answers, instead of an empty chart.
      historySignals = signalsWindow.toColumns() as uPlot.AlignedData;
      historyScores = scoresWindow.toColumns() as uPlot.AlignedData;
    }
    batcher.request();
    const maxPoints = Math.max(200, Math.round(signalsChart?.widthPx ?? 1000));
    const sequence = ++requestSequence;
    setText(loadingLabel, "loading…");
    try {
      const [series, scores] = await fetchRange(from, to, maxPoints);
      if (sequence !== requestSequence || disposed) return;
      historySignals = alignSeries(series);
      historyScores = [scores.timestamps, scores.score, scores.threshold] as unknown as uPlot.AlignedData;
      loaded = {
        from,
        to,
        complete: series.timestamps.length < maxPoints && scores.timestamps.length < maxPoints,
      };
      setText(loadingLabel, "");
    } catch (error) {
      setText(loadingLabel, "");
      context.errors.show(error, `Loading ${key} from ${formatTime(from)} to ${formatTime(to)}`);
    }
    batcher.request();
  }

  function fetchRange(
    from: number,
    to: number,
    maxPoints: number,
  ): Promise<[SeriesResponse, ScoresResponse]> {
    const range = { from: Math.floor(from), to: Math.ceil(to), maxPoints };
    return Promise.all([api.series(site, machine, range), api.scores(site, machine, range)]);
  }

  function currentRange(): readonly [number, number] | undefined {
    return visibleRange() ?? (loaded ? [loaded.from, loaded.to] : undefined);
  }

  function pan(fraction: number): void {
    const range = currentRange();
    if (!range) return;
    const shift = (range[1] - range[0]) * fraction;
    void showHistory(range[0] + shift, range[1] + shift);
  }

  function zoomOut(): void {
    const range = currentRange();
    if (!range) return;
    const half = range[1] - range[0];
    void showHistory(range[0] - half / 2, range[1] + half / 2);
  }

  /** Series columns in this view's channel order (the service may order or subset them differently). */
  function alignSeries(series: SeriesResponse): uPlot.AlignedData {
    const unknown = series.channels.filter((name) => !channels.includes(name));
    if (unknown.length > 0) setChannels([...channels, ...unknown]);
    const byName = new Map(series.channels.map((name, c) => [name, series.values[c]]));
    const empty = new Array<null>(series.timestamps.length).fill(null);
    return [series.timestamps, ...channels.map((name) => byName.get(name) ?? empty)] as uPlot.AlignedData;
  }

  function appendSeries(series: SeriesResponse): void {
    appendReadings(series.timestamps, series.channels, series.values);
  }

  function appendReadings(
    timestamps: readonly number[],
    names: readonly string[],
    values: readonly (readonly (number | null)[])[],
  ): void {
    const unknown = names.filter((name) => !channels.includes(name));
    if (unknown.length > 0) setChannels([...channels, ...unknown]);
    const columnOf = channels.map((name) => names.indexOf(name));
    const row = new Array<number | null>(channels.length);
    for (let i = 0; i < timestamps.length; i++) {
      for (let c = 0; c < channels.length; c++) {
        const source = columnOf[c] as number;
        row[c] = source < 0 ? null : (values[source]?.[i] ?? null);
      }
      signalsWindow.push(timestamps[i] as number, row);
    }
  }

  function appendScores(scores: ScoresResponse): void {
    for (let i = 0; i < scores.timestamps.length; i++) {
      scoresWindow.push(scores.timestamps[i] as number, [
        scores.score[i] ?? null,
        scores.threshold[i] ?? null,
      ]);
    }
    const last = scores.timestamps.length - 1;
    if (last >= 0) {
      latestScore = scores.score[last] ?? latestScore;
      latestThreshold = scores.threshold[last] ?? latestThreshold;
    }
  }

  function eventBands(): readonly Band[] {
    return [...events.values()].map((event) => ({
      start: event.start,
      end: event.end,
      emphasis: event.status === "open",
    }));
  }

  function render(): void {
    if (!signalsChart || !scoreChart) return;
    if (mode.kind === "live") {
      const end = latestTime();
      if (end !== undefined) {
        signalsWindow.dropBefore(end - mode.windowMs);
        scoresWindow.dropBefore(end - mode.windowMs);
      }
      signalsChart.setData(signalsWindow.toColumns() as uPlot.AlignedData);
      scoreChart.setData(scoresWindow.toColumns() as uPlot.AlignedData);
      setText(modeLabel, `live · last ${formatDuration(mode.windowMs)}`);
    } else {
      if (historySignals) signalsChart.setData(historySignals);
      if (historyScores) scoreChart.setData(historyScores);
      setText(modeLabel, `${formatTime(mode.from)} → ${formatTime(mode.to)}`);
    }
    windowButtons.forEach((button, i) => {
      button.classList.toggle("pressed", mode.kind === "live" && mode.windowMs === liveWindows[i]?.ms);
    });
    const above =
      latestScore !== undefined && latestThreshold !== undefined && latestScore >= latestThreshold;
    setData(scoreBox, "aboveThreshold", String(above));
    setText(scoreValue, `score ${formatNumber(latestScore)} / threshold ${formatNumber(latestThreshold)}`);
    const open = [...events.values()].filter((event) => event.status === "open").length;
    const health = liveHealth(latestScore, latestThreshold, open);
    healthBadge.className = `badge ${health}`;
    setText(healthBadge, health);
    if (eventsDirty) {
      const newestFirst = [...events.values()].sort((a, b) => b.start - a.start);
      eventsBody.replaceChildren(
        ...(newestFirst.length === 0
          ? [el("tr", {}, [el("td", { className: "empty", text: "No events", attrs: { colspan: "6" } })])]
          : newestFirst.map((event) => eventRow(event, { showAsset: false }))),
      );
      eventsDirty = false;
    }
  }

  /** After a reconnect: events opened or closed while the socket was down. */
  async function reloadEvents(): Promise<void> {
    try {
      for (const event of await api.events({ site, machine })) events.set(event.id, event);
      eventsDirty = true;
      batcher.request();
    } catch (error) {
      context.errors.show(error, `Reloading the events of ${key}`);
    }
  }

  function receive(message: LiveMessage): void {
    switch (message.type) {
      case "readings":
        if (message.site !== site || message.machine !== machine) return;
        appendReadings(message.timestamps, message.channels, message.values);
        break;
      case "scores": {
        let mine = false;
        for (const point of message.points) {
          if (point.site !== site || point.machine !== machine) continue;
          // A point the history fetch already returned is not newer than the window's newest: skipped.
          if (!scoresWindow.push(point.t, [point.score, point.threshold])) continue;
          latestScore = point.score;
          latestThreshold = point.threshold;
          mine = true;
        }
        if (!mine) return;
        break;
      }
      case "event":
        if (message.event.site !== site || message.event.machine !== machine) return;
        events.set(message.event.id, message.event);
        eventsDirty = true;
        signalsChart?.redraw();
        scoreChart?.redraw();
        break;
      default:
        return;
    }
    // History mode ignores new data in its charts but keeps the buffers and header current.
    batcher.request();
  }

  void load();
  return {
    element,
    receive,
    resync: () => {
      void reloadEvents();
      if (mode.kind === "live") void enterLive(mode.windowMs);
    },
    dispose: () => {
      disposed = true;
      context.live.unsubscribe();
      batcher.dispose();
      signalsChart?.destroy();
      scoreChart?.destroy();
    },
  };
}
