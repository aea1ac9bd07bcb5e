export { type EmbeddedBrokerOptions, startEmbeddedBroker } from "./embedded-broker.ts";
export { type ExternalSubscriberOptions, startExternalSubscriber } from "./external-subscriber.ts";
export { MqttIngest, type MqttOutcome } from "./mqtt-ingest.ts";
export { BINARY_MAGIC, decodePayload, encodeBinaryReadings } from "./payload.ts";
export { isReadingTopic, parseTopic, REJECTED_ROOT, type ReadingTopic, TOPIC_ROOT } from "./topics.ts";
export type { MqttTransport } from "./transport.ts";
