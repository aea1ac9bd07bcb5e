import { accessToken } from "./access-token.ts";
import { useToken } from "./api.ts";
import type { LiveMessage } from "./contract.ts";
import { el } from "./dom.ts";
import { ErrorTray } from "./errors.ts";
import { LiveConnection, type LiveState } from "./live.ts";
import { parseRoute, type Route } from "./router.ts";
import { assetView } from "./views/asset.ts";
import { driftView } from "./views/drift.ts";
import { eventView } from "./views/event.ts";
import { fleetView } from "./views/fleet.ts";
import { modelsView } from "./views/models.ts";
import type { View, ViewContext } from "./views/view.ts";

/** The shell: navigation, the live-connection indicator, the error tray, and the page for the URL hash. */
function start(): void {
  const viewRoot = requireElement("view");
  const status = requireElement("live-status");
  const errors = new ErrorTray(requireElement("error-tray"));
  let current: View | undefined;
  let everOpened = false;

  window.addEventListener("error", (event) => errors.show(event.error ?? event.message, "Unexpected error"));
  window.addEventListener("unhandledrejection", (event) => errors.show(event.reason, "Unexpected error"));

  const token = accessToken();
  useToken(token);
  const live = new LiveConnection({
    url: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/live${token ? `?token=${encodeURIComponent(token)}` : ""}`,
    onMessage: (message: LiveMessage) => current?.receive?.(message),
    onState: (state: LiveState, retryInMs?: number) => {
      status.dataset.state = state;
      const text = status.querySelector(".live-text") as HTMLElement;
      text.textContent =
        state === "open"
          ? "live"
          : state === "connecting"
            ? "connecting…"
            : `disconnected · retrying in ${Math.ceil((retryInMs ?? 0) / 1000)} s`;
      if (state === "open") {
        // Messages sent while the socket was down are lost: the page reloads what it shows.
        if (everOpened) current?.resync?.();
        everOpened = true;
      }
    },
    onProtocolError: (error) => errors.show(error, "Live connection"),
  });
  const context: ViewContext = { live, errors };

  function show(route: Route): View {
    switch (route.name) {
      case "fleet":
        return fleetView(context);
      case "asset":
        return assetView(context, route.site, route.machine);
      case "event":
        return eventView(context, route.id);
      case "models":
        return modelsView(context);
      case "drift":
        return driftView(context);
      case "not-found":
        return {
          element: el("section", {}, [
            el("h1", { text: "Page not found" }),
            el("p", { className: "muted", text: `Nothing is at ${route.hash}. ` }, [
              el("a", { text: "Back to the fleet", attrs: { href: "#/" } }),
            ]),
          ]),
          dispose: () => {},
        };
    }
  }

  function navigate(): void {
    current?.dispose();
    const route = parseRoute(location.hash);
    current = show(route);
    viewRoot.replaceChildren(current.element);
    const section = route.name === "asset" || route.name === "event" ? "fleet" : route.name;
    document.querySelectorAll<HTMLAnchorElement>("#nav a").forEach((link) => {
      link.classList.toggle("current", link.dataset.route === section);
    });
    window.scrollTo(0, 0);
  }

  window.addEventListener("hashchange", navigate);
  navigate();
}

function requireElement(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html lacks the #${id} element the dashboard mounts into`);
  return element;
}

start();
