import type { DriftStatus } from "../contract.ts";
import { el } from "../dom.ts";

/** "drift" in red when any drift detector alarms (naming which), "stable" otherwise. */
export function driftBadge(drift: DriftStatus | undefined): HTMLElement {
  if (!drift) return el("span", { className: "badge", text: "—", testId: "drift-badge" });
  const alarming = [
    drift.latent.alarm ? "latent" : undefined,
    drift.score.alarm ? "score" : undefined,
    ...Object.entries(drift.channels)
      .filter(([, signal]) => signal.alarm)
      .map(([channel]) => channel),
  ].filter((name): name is string => name !== undefined);
  const retraining = drift.retrain && drift.retrain.state !== "idle" ? ` · ${drift.retrain.state}` : "";
  return alarming.length > 0
    ? el("span", {
        className: "badge alarm",
        testId: "drift-badge",
        text: `drift${retraining}`,
        attrs: { title: `Drift alarms: ${alarming.join(", ")}`, "data-drift": "alarm" },
      })
    : el("span", {
        className: "badge ok",
        testId: "drift-badge",
        text: `stable${retraining}`,
        attrs: { "data-drift": "ok" },
      });
}
