import { el } from "../dom.ts";
import { describeError } from "../errors.ts";

/** Shown in place of a page (or a panel) whose data could not be loaded, with the reason and a retry. */
export function loadError(what: string, error: unknown, retry: () => void): HTMLElement {
  const shown = describeError(error);
  console.error(`[vigil] ${what}:`, error);
  return el("div", { className: "load-error", testId: "load-error", attrs: { "data-code": shown.code } }, [
    el("strong", { text: `${what} failed` }),
    el("div", { text: shown.message }),
    el("div", { className: "error-code", text: shown.code }),
    el("button", { text: "Retry", on: { click: retry } }),
  ]);
}
