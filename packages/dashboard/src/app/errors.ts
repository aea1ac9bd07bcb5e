import { el } from "./dom.ts";

/** An error as the user sees it: a stable code (from the service's ApiError body when there is one). */
export interface ShownError {
  readonly code: string;
  readonly message: string;
}

const maxToasts = 5;

/**
 * Shows errors to the user in a tray at the corner of every page. Nothing the dashboard fails at is
 * swallowed: API answers, socket trouble and uncaught exceptions all land here (and on the console).
 * Repeats of the same error (a down service answering every poll) are counted on one toast.
 */
export class ErrorTray {
  private readonly toasts = new Map<string, { element: HTMLElement; count: HTMLElement; repeats: number }>();

  constructor(private readonly tray: HTMLElement) {}

  show(error: unknown, context: string): void {
    const shown = describeError(error);
    console.error(`[vigil] ${context}:`, error);
    const key = `${context}|${shown.code}|${shown.message}`;
    const existing = this.toasts.get(key);
    if (existing) {
      existing.repeats++;
      existing.count.textContent = ` ×${existing.repeats}`;
      this.tray.append(existing.element);
      return;
    }
    const count = el("span", { className: "muted" });
    const element = el(
      "div",
      { className: "error-toast", testId: "error-toast", attrs: { "data-code": shown.code } },
      [
        el("div", {}, [
          el("div", {}, [el("strong", { text: context }), count]),
          el("div", { text: shown.message }),
          el("div", { className: "error-code", text: shown.code }),
        ]),
        el("button", {
          text: "✕",
          attrs: { title: "Dismiss", "aria-label": "Dismiss" },
          on: { click: () => this.dismiss(key) },
        }),
      ],
    );
    this.toasts.set(key, { element, count, repeats: 1 });
    this.tray.append(element);
    while (this.toasts.size > maxToasts) {
      const oldest = this.toasts.keys().next().value as string;
      this.dismiss(oldest);
    }
  }

  private dismiss(key: string): void {
    this.toasts.get(key)?.element.remove();
    this.toasts.delete(key);
  }
}

/** A code and message for any thrown value: ApiRequestError carries the service's own code. */
export function describeError(error: unknown): ShownError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === "string" ? code : error.name, message: error.message };
  }
  return { code: "UNKNOWN", message: String(error) };
}
