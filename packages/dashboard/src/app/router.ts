/** The pages of the dashboard, addressed by the URL hash so a link or a reload lands on the same page. */
export type Route =
  | { readonly name: "fleet" }
  | { readonly name: "asset"; readonly site: string; readonly machine: string }
  | { readonly name: "event"; readonly id: string }
  | { readonly name: "models" }
  | { readonly name: "drift" }
  | { readonly name: "not-found"; readonly hash: string };

/** Reads a location hash ("#/asset/plant-a/pump-3") into a Route; segments are URI-decoded. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "").replace(/^\/+/, "").replace(/\/+$/, "");
  const segments = path === "" ? [] : path.split("/").map(decodeSegment);
  const [head, ...rest] = segments;
  if (head === undefined) return { name: "fleet" };
  if (head === "asset" && rest.length === 2 && rest[0] && rest[1]) {
    return { name: "asset", site: rest[0], machine: rest[1] };
  }
  if (head === "event" && rest.length === 1 && rest[0]) return { name: "event", id: rest[0] };
  if (head === "models" && rest.length === 0) return { name: "models" };
  if (head === "drift" && rest.length === 0) return { name: "drift" };
  return { name: "not-found", hash };
}

/** The hash that parseRoute reads back as the same route (the inverse, for links). */
export function routeHash(route: Exclude<Route, { name: "not-found" }>): string {
  switch (route.name) {
    case "fleet":
      return "#/";
    case "asset":
      return `#/asset/${encodeURIComponent(route.site)}/${encodeURIComponent(route.machine)}`;
    case "event":
      return `#/event/${encodeURIComponent(route.id)}`;
    case "models":
      return "#/models";
    case "drift":
      return "#/drift";
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape ("%E0") is kept literally: the page then reports the asset or event as unknown.
    return segment;
  }
}
