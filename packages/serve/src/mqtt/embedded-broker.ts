import { timingSafeEqual } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { Aedes, type AuthenticateError } from "aedes";
import type { Ingestor } from "../ingest/index.ts";
import { MqttIngest } from "./mqtt-ingest.ts";
import { isReadingTopic } from "./topics.ts";
import type { MqttTransport } from "./transport.ts";

export interface EmbeddedBrokerOptions {
  host: string;
  port: number;
  username: string | undefined;
  password: string | undefined;
  maxPayloadBytes: number;
  log: (line: string) => void;
}

const sameSecret = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

/**
 * The in-process MQTT broker (aedes) that `npm start` needs no setup for.
 *
 * Durability before acknowledgement: aedes calls `authorizePublish` for every PUBLISH before it
 * writes the PUBACK (handlers/publish.js runs authorizePublish, then enqueuePublish, which sends
 * the PUBACK). Readings are therefore made durable inside that hook, and its callback is called only
 * once the store committed them: a publisher never holds a PUBACK for a reading that a crash could
 * lose. If storing fails, the callback gets the error and aedes drops the connection without a PUBACK,
 * so a QoS 1 publisher sends the message again after reconnecting.
 *
 * Backpressure: aedes handles the packets of one socket read together and reads the socket again
 * only when all of them are done, so a publisher that outruns the store waits on TCP flow control,
 * and the packets of one read reach the store together (one group commit).
 */
export async function startEmbeddedBroker(
  options: EmbeddedBrokerOptions,
  ingestor: Ingestor,
): Promise<MqttTransport> {
  // Rejection notices are published by the broker itself (QoS 0): no client connection is needed.
  const ingest = new MqttIngest(ingestor, options.maxPayloadBytes, (topic, payload) =>
    broker.publish(
      { cmd: "publish", topic, payload: Buffer.from(payload), qos: 0, retain: false, dup: false },
      () => undefined,
    ),
  );
  // Payloads of rejected readings: acknowledged (the publisher must not resend them) but never forwarded, so
  // other subscribers see only what was stored. aedes hands each subscriber the same payload Buffer.
  const rejected = new WeakSet<Buffer>();
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const user = options.username === undefined ? undefined : Buffer.from(options.username);
  const pass = options.password === undefined ? undefined : Buffer.from(options.password);
  const broker = await Aedes.createBroker({
    authenticate(_client, username, password, done) {
      if (user === undefined || pass === undefined) return done(null, true);
      const ok =
        username !== undefined &&
        password !== undefined &&
        sameSecret(Buffer.from(username), user) &&
        sameSecret(password, pass);
      if (ok) return done(null, true);
      const error = new Error("bad user name or password") as AuthenticateError;
      error.returnCode = 4;
      done(error, null);
    },
    authorizePublish(client, packet, callback) {
      // The broker's own publications (rejection notices) and other applications' topics pass through.
      if (client === null || !isReadingTopic(packet.topic)) return callback(null);
      inFlight++;
      ingest
        .handle(packet.topic, packet.payload as Buffer)
        .then(
          (outcome) => {
            if ("rejected" in outcome) rejected.add(packet.payload as Buffer);
            callback(null);
          },
          (error: unknown) => {
            options.log(`mqtt: could not store ${packet.topic}: ${(error as Error).message}`);
            callback(error as Error);
          },
        )
        .finally(() => {
          if (--inFlight === 0) drained?.();
        });
    },
    authorizeForward(_client, packet) {
      return rejected.has(packet.payload as Buffer) ? null : packet;
    },
  });
  const server: Server = createServer(broker.handle);
  server.listen(options.port, options.host);
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  let closed = false;
  return {
    broker: "embedded",
    url: `mqtt://${host}:${port}`,
    get connected() {
      return !closed;
    },
    async close() {
      if (closed) return;
      closed = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await stopped;
    },
  };
}
