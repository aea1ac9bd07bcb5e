/** Formatting shared by every view, so the same quantity reads the same everywhere. */

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Local time "2026-11-24 19:50:12" (engineers compare against plant logs, which use local time). */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return "—";
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "850 ms", "12.5 s", "4 min 10 s", "3 h 5 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (abs < 60_000) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (abs < 3_600_000) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (abs < 86_400_000) return `${hours} h ${minutes - hours * 60} min`;
  const days = Math.floor(hours / 24);
  return `${days} d ${hours - days * 24} h`;
}

/** How long ago, coarse: "just now", "12 s ago", "5 min ago". */
export function formatAgo(ms: number | undefined, now: number): string {
  if (ms === undefined) return "never";
  const age = now - ms;
  if (age < 2000) return "just now";
  return `${formatDuration(age).replace(/ \d+ (s|min|h)$/, "")} ago`;
}

/** A number with `digits` significant decimals, "—" for missing; large values without decimals. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (Math.abs(value) >= 1000) return value.toFixed(0);
  return value.toFixed(digits);
}

/** A share in [0, 1] as "42.0 %". */
export function formatPercent(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)} %` : "—";
}

/** "site/machine", the way the contract names an asset in bodies. */
export function assetKey(site: string, machine: string): string {
  return `${site}/${machine}`;
}
