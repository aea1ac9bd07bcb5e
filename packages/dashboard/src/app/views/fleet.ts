import { api } from "../api.ts";
import { drawSparkline } from "../charts/sparkline.ts";
import type { AssetSummary, DriftStatus, EventSummary, Health, LiveMessage } from "../contract.ts";
import { el, setData, setText } from "../dom.ts";
import { assetKey, formatNumber, formatTime } from "../format.ts";
import { FrameBatcher } from "../frame-batcher.ts";
import { liveHealth } from "../health.ts";
import { routeHash } from "../router.ts";
import { SlidingWindow } from "../sliding-window.ts";
import { driftBadge } from "./drift-badge.ts";
import { eventRow, eventTableHead } from "./event-row.ts";
import { loadError } from "./load-error.ts";
import type { View, ViewContext } from "./view.ts";

/** Scores kept per asset for its sparkline: a minute at the scorer's usual ten scores a second. */
const sparklinePoints = 600;
/** Events listed under the fleet, newest first, whatever their status: short events end within seconds. */
const recentEventRows = 50;
/** The service's largest page of events: enough to count every asset's open events at load. */
const openEventsLimit = 10_000;

interface AssetRow {
  readonly element: HTMLTableRowElement;
  readonly modelCell: HTMLElement;
  readonly scoreCell: HTMLElement;
  readonly scoreText: HTMLElement;
  readonly gaugeFill: HTMLElement;
  readonly gaugeMark: HTMLElement;
  readonly sparkline: HTMLCanvasElement;
  readonly openCell: HTMLElement;
  readonly driftCell: HTMLElement;
  readonly lastSeenCell: HTMLElement;
  /** The drift badge is rebuilt only when a drift message changed it, not on every score. */
  driftShown?: DriftStatus | "none";
  readonly scores: SlidingWindow;
  score?: number;
  threshold?: number;
  lastSeen?: number;
  drift?: DriftStatus;
  health: Health;
  model?: string;
  readonly openEventIds: Set<string>;
}

/**
 * Fleet overview: one row per asset with health, latest score against its threshold, a score sparkline,
 * open events and drift, plus the fleet's recent events. Rows are built once (a reload updates them in
 * place); live messages only mark rows dirty and one animation frame updates what changed, so fifty
 * assets at 10 Hz stay cheap.
 */
export function fleetView(context: ViewContext): View {
  const element = el("section", { testId: "fleet-view" });
  const rows = new Map<string, AssetRow>();
  const dirty = new Set<AssetRow>();
  const events = new Map<string, EventSummary>();
  let eventsDirty = false;
  const summary = el("div", { className: "row muted", testId: "fleet-summary" });
  const tbody = el("tbody");
  const eventsBody = el("tbody");
  const batcher = new FrameBatcher(render);
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const modelAsked = new Set<string>();

  async function load(): Promise<void> {
    element.replaceChildren(el("h1", { text: "Fleet" }), el("div", { className: "empty", text: "Loading…" }));
    try {
      build(...(await fetchFleet()));
    } catch (error) {
      element.replaceChildren(el("h1", { text: "Fleet" }), loadError("Loading the fleet", error, load));
    }
  }

  function fetchFleet(): Promise<[AssetSummary[], EventSummary[], EventSummary[]]> {
    return Promise.all([
      api.assets(),
      api.events({ status: "open", limit: openEventsLimit }),
      api.events({ limit: recentEventRows }),
    ]);
  }

  function build(
    assets: readonly AssetSummary[],
    openEvents: readonly EventSummary[],
    recentEvents: readonly EventSummary[],
  ): void {
    const previous = new Map(rows);
    rows.clear();
    dirty.clear();
    events.clear();
    const sorted = [...assets].sort((a, b) =>
      assetKey(a.site, a.machine).localeCompare(assetKey(b.site, b.machine)),
    );
    for (const asset of sorted) {
      const key = assetKey(asset.site, asset.machine);
      const row = previous.get(key) ?? assetRow(asset);
      updateFromSummary(row, asset);
      rows.set(key, row);
      dirty.add(row);
    }
    tbody.replaceChildren(...[...rows.values()].map((row) => row.element));
    for (const event of openEvents) rows.get(assetKey(event.site, event.machine))?.openEventIds.add(event.id);
    // Rows kept from before follow the live rule (the service's health is as of its last summary).
    for (const [key, row] of rows) if (previous.has(key)) updateHealth(row);
    for (const event of recentEvents) events.set(event.id, event);
    eventsDirty = true;
    const table = el("table", { className: "data", testId: "asset-table" }, [
      el("thead", {}, [
        el("tr", {}, [
          el("th", { text: "" }),
          el("th", { text: "Asset" }),
          el("th", { text: "Score / threshold", attrs: { style: "text-align:right" } }),
          el("th", { text: "Recent score" }),
          el("th", { text: "Open events", attrs: { style: "text-align:right" } }),
          el("th", { text: "Drift" }),
          el("th", { text: "Model" }),
          el("th", { text: "Last reading" }),
        ]),
      ]),
      tbody,
    ]);
    element.replaceChildren(
      el("div", { className: "row" }, [
        el("h1", { text: "Fleet" }),
        el("span", { className: "spacer" }),
        summary,
      ]),
      el("div", { className: "panel" }, [
        assets.length === 0
          ? el("div", {
              className: "empty",
              text: "No assets yet. Readings published to MQTT (vigil/<site>/<machine>/<channel>) or POSTed to /api/ingest appear here.",
            })
          : table,
      ]),
      el("div", { className: "panel" }, [
        el("h2", { text: "Recent events" }),
        el("table", { className: "data", testId: "event-table" }, [
          eventTableHead({ showAsset: true }),
          eventsBody,
        ]),
      ]),
    );
    batcher.request();
  }

  function assetRow(asset: AssetSummary): AssetRow {
    const scoreText = el("span", { className: "score-value mono" });
    const gaugeFill = el("div", { className: "gauge-fill" });
    const gaugeMark = el("div", { className: "gauge-mark" });
    const scoreCell = el("div", { className: "score-cell", testId: "asset-score" }, [
      scoreText,
      el("div", { className: "gauge" }, [gaugeFill, gaugeMark]),
    ]);
    const sparkline = el("canvas", { className: "sparkline" });
    const openCell = el("td", { className: "num", testId: "asset-open-events" });
    const driftCell = el("td");
    const lastSeenCell = el("td", { className: "mono muted" });
    const modelCell = el("td", { className: "mono muted" });
    const href = routeHash({ name: "asset", site: asset.site, machine: asset.machine });
    const element = el(
      "tr",
      {
        className: "clickable",
        testId: "asset-row",
        attrs: { "data-asset": assetKey(asset.site, asset.machine) },
        on: {
          click: (event) => {
            if (!(event.target instanceof HTMLAnchorElement)) location.hash = href;
          },
        },
      },
      [
        el("td", {}, [el("span", { className: "health-dot" })]),
        el("td", {}, [el("a", { text: assetKey(asset.site, asset.machine), attrs: { href } })]),
        el("td", {}, [scoreCell]),
        el("td", {}, [sparkline]),
        openCell,
        driftCell,
        modelCell,
        lastSeenCell,
      ],
    );
    return {
      element,
      modelCell,
      scoreCell,
      scoreText,
      gaugeFill,
      gaugeMark,
      sparkline,
      openCell,
      driftCell,
      lastSeenCell,
      scores: new SlidingWindow(sparklinePoints, 1),
      health: asset.health,
      openEventIds: new Set(),
    };
  }

  /** What the service's summary knows; a score already received live is at least as fresh and is kept. */
  function updateFromSummary(row: AssetRow, asset: AssetSummary): void {
    if (row.score === undefined) {
      if (asset.score !== undefined) row.score = asset.score;
      if (asset.threshold !== undefined) row.threshold = asset.threshold;
      row.health = asset.health;
    }
    if (asset.lastSeen !== undefined) row.lastSeen = Math.max(row.lastSeen ?? 0, asset.lastSeen);
    if (asset.drift !== undefined) row.drift = asset.drift;
    if (asset.model !== undefined) row.model = asset.model;
    row.openEventIds.clear();
    setText(row.modelCell, row.model ?? "no model");
  }

  function render(): void {
    for (const row of dirty) renderRow(row);
    dirty.clear();
    if (eventsDirty) renderEvents();
    eventsDirty = false;
    let alarms = 0;
    let open = 0;
    for (const row of rows.values()) {
      if (row.health === "alarm") alarms++;
      open += row.openEventIds.size;
    }
    setText(summary, `${plural(rows.size, "asset")} · ${alarms} in alarm · ${plural(open, "open event")}`);
  }

  function renderRow(row: AssetRow): void {
    setData(row.element, "health", row.health);
    const above = row.score !== undefined && row.threshold !== undefined && row.score >= row.threshold;
    setData(row.scoreCell, "aboveThreshold", String(above));
    setText(row.scoreText, `${formatNumber(row.score)} / ${formatNumber(row.threshold)}`);
    // The gauge spans zero to twice the threshold, so the threshold mark sits in the middle.
    const span = row.threshold !== undefined && row.threshold > 0 ? 2 * row.threshold : 1;
    const fill = row.score === undefined ? 0 : Math.min(1, Math.max(0, row.score / span));
    row.gaugeFill.style.width = `${(fill * 100).toFixed(1)}%`;
    row.gaugeFill.classList.toggle("alarm", above);
    row.gaugeMark.style.left = row.threshold === undefined ? "-10px" : "50%";
    drawSparkline(row.sparkline, row.scores.toColumns()[1] ?? [], row.threshold);
    setText(row.openCell, String(row.openEventIds.size));
    if (row.driftShown !== (row.drift ?? "none")) {
      row.driftCell.replaceChildren(driftBadge(row.drift));
      row.driftShown = row.drift ?? "none";
    }
    setText(row.lastSeenCell, formatTime(row.lastSeen));
  }

  function renderEvents(): void {
    const newestFirst = [...events.values()].sort((a, b) => b.start - a.start);
    // Keep the map bounded too: the oldest events beyond the list's length are forgotten.
    for (const dropped of newestFirst.splice(recentEventRows)) events.delete(dropped.id);
    eventsBody.replaceChildren(
      ...(newestFirst.length === 0
        ? [el("tr", {}, [el("td", { className: "empty", text: "No events yet", attrs: { colspan: "7" } })])]
        : newestFirst.map((event) => eventRow(event, { showAsset: true }))),
    );
  }

  function updateHealth(row: AssetRow): void {
    row.health = liveHealth(row.score, row.threshold, row.openEventIds.size);
  }

  function receive(message: LiveMessage): void {
    switch (message.type) {
      case "scores":
        for (const point of message.points) {
          const row = rows.get(assetKey(point.site, point.machine));
          if (!row) {
            scheduleReload();
            continue;
          }
          if (!row.scores.push(point.t, [point.score])) continue;
          const key = assetKey(point.site, point.machine);
          if (row.model === undefined && !modelAsked.has(key)) {
            // The service names an asset's model once it has scored with it: fetch the name, once.
            modelAsked.add(key);
            scheduleReload();
          }
          row.score = point.score;
          row.threshold = point.threshold;
          row.lastSeen = Math.max(row.lastSeen ?? 0, point.t);
          updateHealth(row);
          dirty.add(row);
        }
        break;
      case "event": {
        const event = message.event;
        const row = rows.get(assetKey(event.site, event.machine));
        events.set(event.id, event);
        if (event.status === "open") row?.openEventIds.add(event.id);
        else row?.openEventIds.delete(event.id);
        if (row) {
          updateHealth(row);
          dirty.add(row);
        } else scheduleReload();
        eventsDirty = true;
        break;
      }
      case "drift": {
        const row = rows.get(assetKey(message.site, message.machine));
        if (row) {
          row.drift = message.drift;
          dirty.add(row);
        }
        break;
      }
      case "model":
        // A newly activated model changes the asset's model column: reload the summaries.
        if (message.model.status === "active") scheduleReload();
        break;
      default:
        return;
    }
    batcher.request();
  }

  /** An asset appeared or changed model: refetch the fleet, at most once a second. */
  function scheduleReload(): void {
    if (reloadTimer !== undefined) return;
    reloadTimer = setTimeout(() => {
      reloadTimer = undefined;
      void refresh();
    }, 1000);
  }

  async function refresh(): Promise<void> {
    try {
      build(...(await fetchFleet()));
    } catch (error) {
      context.errors.show(error, "Refreshing the fleet");
    }
  }

  void load();
  return {
    element,
    receive,
    resync: () => void refresh(),
    dispose: () => {
      batcher.dispose();
      clearTimeout(reloadTimer);
    },
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
