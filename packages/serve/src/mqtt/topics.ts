import type { AssetRef } from "@vigil/core/series";
import { checkName, isRejection, type Rejection, reject } from "../ingest/index.ts";

/** Readings are published under this root; everything else on the broker is not Vigil's. */
export const TOPIC_ROOT = "vigil";
/** Where the service tells publishers why a payload was refused: `vigil-rejected/<original topic>`. */
export const REJECTED_ROOT = "vigil-rejected";

/** `vigil/<site>/<machine>/<channel>` carries one channel; `vigil/<site>/<machine>` carries rows. */
export interface ReadingTopic {
  readonly asset: AssetRef;
  readonly channel: string | undefined;
}

export const isReadingTopic = (topic: string): boolean => topic.startsWith(`${TOPIC_ROOT}/`);

export function parseTopic(topic: string): ReadingTopic | Rejection {
  const levels = topic.split("/");
  if (levels[0] !== TOPIC_ROOT || levels.length < 3 || levels.length > 4) {
    return reject(
      "bad-topic",
      `topic ${topic}`,
      `expected ${TOPIC_ROOT}/<site>/<machine>/<channel> or ${TOPIC_ROOT}/<site>/<machine>`,
    );
  }
  const site = checkName(levels[1], `topic ${topic}: site`);
  if (isRejection(site)) return site;
  const machine = checkName(levels[2], `topic ${topic}: machine`);
  if (isRejection(machine)) return machine;
  if (levels.length === 3) return { asset: { site, machine }, channel: undefined };
  const channel = checkName(levels[3], `topic ${topic}: channel`);
  if (isRejection(channel)) return channel;
  return { asset: { site, machine }, channel };
}
