// The publisher thread of a trial: every 1/R s one row per asset on vigil/<site>/<machine> (QoS 1),
// t = the wall clock in ms; for 3 s in the second half of the run (staggered per asset) channel 0 is
// anomalous. Reports rows sent and acknowledged, and when each (asset, t) was published.
import { parentPort, workerData } from "node:worker_threads";
import mqtt from "mqtt";
import { benchRow } from "./signal.ts";

const { url, assets, channels, rate, seconds, flood } = (workerData as { data: unknown }).data as {
  url: string;
  assets: number;
  channels: number;
  rate: number;
  seconds: number;
  /** Flood mode: rows as fast as acknowledgements allow, from this t (ms), 1/R apart, for `seconds`. */
  flood?: number;
};
const client = await mqtt.connectAsync(url, { clientId: "bench-publisher" });
const times: [string, number][] = [];
let sent = 0;
let acked = 0;
let lagMs = 0;
let lastT = 0;
const periodMs = 1000 / rate;
const ticks = Math.round(seconds * rate);
const start = performance.now();
const pending: Promise<unknown>[] = [];
if (flood !== undefined) {
  // At most 512 messages in flight: the service's PUBACKs set the pace.
  let t = flood;
  for (let k = 0; performance.now() - start < seconds * 1000; k++, t += periodMs) {
    for (let i = 0; i < assets; i++) {
      const row: Record<string, number> = { t: Math.round(t) };
      for (const [c, v] of benchRow(k, channels, false).entries()) row[`c${c}`] = v;
      sent++;
      pending.push(
        client.publishAsync(`vigil/site-${i % 4}/m${i}`, JSON.stringify(row), { qos: 1 }).then(() => acked++),
      );
    }
    if (pending.length >= 512) await Promise.all(pending.splice(0, 256));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  await client.endAsync();
  parentPort!.postMessage({ sent, acked, times: [], lagMs: 0, elapsed, lastT: t });
  process.exit(0);
}
for (let k = 0; k < ticks; k++) {
  // Paced by the wall clock; a tick that starts late is counted as lag (the service held us back).
  const due = start + k * periodMs;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  else lagMs = Math.max(lagMs, -wait);
  // Strictly increasing: two late ticks run back to back must not share a millisecond, or the
  // store would hold two readings of a channel at one time and count them as one row.
  const t = Math.max(Math.round(performance.timeOrigin + performance.now()), lastT + 1);
  lastT = t;
  for (let i = 0; i < assets; i++) {
    const site = `site-${i % 4}`;
    const machine = `m${i}`;
    const anomalyStart = Math.round(ticks * (0.5 + (0.4 * i) / Math.max(1, assets)));
    const values = benchRow(k, channels, k >= anomalyStart && k < anomalyStart + 3 * rate);
    const row: Record<string, number> = { t };
    for (const [c, v] of values.entries()) row[`c${c}`] = v;
    times.push([`${site}/${machine}/${t}`, performance.timeOrigin + performance.now()]);
    sent++;
    pending.push(
      client.publishAsync(`vigil/${site}/${machine}`, JSON.stringify(row), { qos: 1 }).then(() => acked++),
    );
  }
  // Bounded in-flight: wait for acknowledgements when more than 2 s of rows are outstanding.
  if (pending.length > 2 * rate * assets) {
    await Promise.all(pending.splice(0));
  }
}
await Promise.all(pending);
await client.endAsync();
parentPort!.postMessage({ sent, acked, times, lagMs });
