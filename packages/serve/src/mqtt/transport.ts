/** What the service needs from either MQTT transport (embedded broker or external subscriber). */
export interface MqttTransport {
  readonly broker: "embedded" | "external";
  /** Where publishers connect (the embedded broker's actual port once listening). */
  readonly url: string;
  readonly connected: boolean;
  /** Stops taking messages; in-flight ones finish (their acknowledgements go out) first. */
  close(): Promise<void>;
}
