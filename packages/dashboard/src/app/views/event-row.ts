import type { EventSummary } from "../contract.ts";
import { el } from "../dom.ts";
import { assetKey, formatDuration, formatNumber, formatTime } from "../format.ts";
import { routeHash } from "../router.ts";

/** Header matching eventRow's cells (an asset's own page leaves the asset column out). */
export function eventTableHead(options: { readonly showAsset: boolean }): HTMLTableSectionElement {
  return el("thead", {}, [
    el("tr", {}, [
      el("th", { text: "Start" }),
      ...(options.showAsset ? [el("th", { text: "Asset" })] : []),
      el("th", { text: "Duration" }),
      el("th", { text: "Type" }),
      el("th", { text: "Severity", attrs: { style: "text-align:right" } }),
      el("th", { text: "Top channel" }),
      el("th", { text: "Status" }),
    ]),
  ]);
}

/** One event as a table row linking to its event page (`event-row`, with data-event-id). */
export function eventRow(event: EventSummary, options: { readonly showAsset: boolean }): HTMLTableRowElement {
  const href = routeHash({ name: "event", id: event.id });
  return el(
    "tr",
    {
      className: "clickable",
      testId: "event-row",
      attrs: { "data-event-id": event.id, "data-status": event.status },
      on: {
        click: (click) => {
          if (!(click.target instanceof HTMLAnchorElement)) location.hash = href;
        },
      },
    },
    [
      el("td", { className: "mono" }, [el("a", { text: formatTime(event.start), attrs: { href } })]),
      ...(options.showAsset ? [el("td", { text: assetKey(event.site, event.machine) })] : []),
      el("td", { className: "mono", text: formatDuration(event.end - event.start) }),
      el("td", { text: event.type }),
      el("td", { className: "num", text: formatNumber(event.severity) }),
      el("td", { className: "mono", text: event.channel ?? "—" }),
      el("td", {}, [el("span", { className: `badge ${event.status}`, text: event.status })]),
    ],
  );
}
