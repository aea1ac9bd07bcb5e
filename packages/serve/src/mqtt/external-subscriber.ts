import { VigilError } from "@vigil/core/errors";
import mqtt from "mqtt";
import { SERVE_ERRORS } from "../errors/index.ts";
import type { Ingestor } from "../ingest/index.ts";
import { MqttIngest } from "./mqtt-ingest.ts";
import { TOPIC_ROOT } from "./topics.ts";
import type { MqttTransport } from "./transport.ts";

export interface ExternalSubscriberOptions {
  url: string;
  username: string | undefined;
  password: string | undefined;
  clientId: string;
  maxPayloadBytes: number;
  /** How long to wait for the first connection before giving up. */
  connectTimeoutMs: number;
  log: (line: string) => void;
}

/**
 * Ingest from an external broker (e.g. Mosquitto) through one subscriber connection.
 *
 * Durability before acknowledgement: the subscription is QoS 1 in a persistent session
 * (clean: false, fixed client id), and mqtt.js sends our PUBACK to the broker only when
 * `handleMessage`'s callback runs, which happens after the Ingestor made the readings durable. Until
 * then the broker keeps the message and redelivers it if the service dies, so nothing acknowledged is
 * lost (delivery is at least once). The publisher's own PUBACK comes from the broker: what it
 * promises is the broker's durability, which Mosquitto provides with `persistence true`.
 *
 * Backpressure: mqtt.js hands over one message at a time and reads no further until the callback, so
 * a slow store slows the broker's delivery, and the broker queues (bounded by its own
 * max_queued_messages) rather than this process.
 */
export async function startExternalSubscriber(
  options: ExternalSubscriberOptions,
  ingestor: Ingestor,
): Promise<MqttTransport> {
  const client = mqtt.connect(options.url, {
    clientId: options.clientId,
    clean: false,
    reconnectPeriod: 1000,
    connectTimeout: options.connectTimeoutMs,
    ...(options.username === undefined ? {} : { username: options.username, password: options.password }),
  });
  const ingest = new MqttIngest(ingestor, options.maxPayloadBytes, (topic, payload) =>
    client.publish(topic, payload, { qos: 0 }),
  );
  client.handleMessage = (packet, callback) => {
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    ingest.handle(packet.topic, payload).then(
      () => callback(),
      (error: unknown) => {
        // Without the PUBACK the broker redelivers the message on the next connection.
        options.log(`mqtt: could not store ${packet.topic}: ${(error as Error).message}`);
        client.end(true, () => client.reconnect());
      },
    );
  };
  client.on("error", (error) => options.log(`mqtt: ${error.message}`));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no connection within ${options.connectTimeoutMs} ms`)),
        options.connectTimeoutMs,
      );
      client.once("connect", () => {
        clearTimeout(timer);
        resolve();
      });
      // A refused connection (bad credentials, ...) fails the start at once rather than retrying.
      client.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    await client.subscribeAsync(`${TOPIC_ROOT}/#`, { qos: 1 });
  } catch (error) {
    client.end(true);
    throw new VigilError(
      SERVE_ERRORS.config,
      `Cannot subscribe at the MQTT broker ${options.url}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  let closed = false;
  return {
    broker: "external",
    url: options.url,
    get connected() {
      return !closed && client.connected;
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.endAsync(false);
    },
  };
}
