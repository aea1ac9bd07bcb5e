import { describeRejection, type Ingestor, isRejection, type Rejection } from "../ingest/index.ts";
import { decodePayload } from "./payload.ts";
import { parseTopic, REJECTED_ROOT } from "./topics.ts";

export type MqttOutcome = { readonly stored: number } | { readonly rejected: Rejection };

/**
 * The transport-independent half of MQTT ingest, shared by the embedded broker's hook and the
 * external-broker subscriber: topic and payload → validated readings → Ingestor (durable, then
 * scored). A malformed message is counted under its reason and announced on
 * `vigil-rejected/<topic>` as {"reason", "where", "message"}, since MQTT 3.1.1 has no negative
 * acknowledgement; it is still acknowledged, because redelivering it could never succeed.
 * Store failures reject the promise: the transport then withholds the acknowledgement.
 */
export class MqttIngest {
  readonly #ingestor: Ingestor;
  readonly #maxBytes: number;
  readonly #notify: (topic: string, payload: string) => void;

  constructor(ingestor: Ingestor, maxBytes: number, notify: (topic: string, payload: string) => void) {
    this.#ingestor = ingestor;
    this.#maxBytes = maxBytes;
    this.#notify = notify;
  }

  async handle(topic: string, payload: Buffer): Promise<MqttOutcome> {
    const parsed = parseTopic(topic);
    const readings = isRejection(parsed)
      ? parsed
      : decodePayload(parsed, payload, `topic ${topic}`, this.#maxBytes);
    if (isRejection(readings)) {
      this.#ingestor.rejected("mqtt", readings);
      this.#notify(
        `${REJECTED_ROOT}/${topic}`,
        JSON.stringify({ ...readings, description: describeRejection(readings) }),
      );
      return { rejected: readings };
    }
    return { stored: await this.#ingestor.ingest(readings, "mqtt") };
  }
}
