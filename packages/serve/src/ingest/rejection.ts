/**
 * Why a reading or payload was refused. The reason is a short stable label (the metric's `reason`
 * label); `where` names the place (a topic, `readings[3].v`, `line 12`); `message` explains.
 */
export type RejectReason =
  | "bad-json"
  | "bad-shape"
  | "bad-name"
  | "bad-time"
  | "bad-value"
  | "bad-topic"
  | "bad-binary"
  | "too-large"
  | "bad-row"
  | "not-authorized";

export interface Rejection {
  readonly reason: RejectReason;
  readonly where: string;
  readonly message: string;
}

export const reject = (reason: RejectReason, where: string, message: string): Rejection => ({
  reason,
  where,
  message,
});

/** The form used in IngestResponse.errors and MQTT rejection notices. */
export const describeRejection = (r: Rejection): string => `${r.where}: ${r.message}`;
