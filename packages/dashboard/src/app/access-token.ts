const storageKey = "vigil.token";

/**
 * The API token, when the service has tokens configured (on loopback without tokens none is needed).
 * It is given once as `?token=<token>` in the dashboard's address, kept for the browser tab's session
 * and removed from the address bar, so it does not end up in bookmarks, history or screenshots.
 */
export function accessToken(): string | undefined {
  const params = new URLSearchParams(location.search);
  const given = params.get("token");
  if (given !== null) {
    sessionStorage.setItem(storageKey, given);
    params.delete("token");
    const search = params.toString();
    history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}${location.hash}`);
  }
  return sessionStorage.getItem(storageKey) ?? undefined;
}
