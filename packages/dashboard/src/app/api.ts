import type {
  ApiError,
  AssetSummary,
  DriftReport,
  EventDetail,
  EventPatch,
  EventStatus,
  EventSummary,
  Job,
  ModelSummary,
  ScoresResponse,
  SeriesResponse,
  TrainRequest,
} from "./contract.ts";

/** A failed API call: the service's ApiError code and message, or NETWORK / BAD_RESPONSE from the browser. */
export class ApiRequestError extends Error {
  readonly code: string;
  readonly status: number | undefined;
  readonly where: string | undefined;

  constructor(code: string, message: string, status?: number, where?: string) {
    super(message);
    this.name = "ApiRequestError";
    this.code = code;
    this.status = status;
    this.where = where;
  }
}

type Query = Readonly<Record<string, string | number | undefined>>;

function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const segment = encodeURIComponent;

let bearer: string | undefined;

/** Sends `Authorization: Bearer <token>` with every request from now on (see access-token.ts). */
export function useToken(token: string | undefined): void {
  bearer = token;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const what = `${method} ${path}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiRequestError("NETWORK", `${what}: the service cannot be reached (${String(error)})`);
  }
  const text = await response.text();
  if (!response.ok) throw errorFromBody(what, response, text);
  if (text === "") return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiRequestError(
      "BAD_RESPONSE",
      `${what}: the answer is not JSON: ${text.slice(0, 120)}`,
      response.status,
    );
  }
}

/** Reads the contract's ApiError body; a proxy's HTML error page still yields status and a snippet. */
function errorFromBody(what: string, response: Response, text: string): ApiRequestError {
  try {
    const body = JSON.parse(text) as Partial<ApiError>;
    if (body.error && typeof body.error.code === "string") {
      return new ApiRequestError(
        body.error.code,
        `${what}: ${body.error.message}`,
        response.status,
        body.error.where,
      );
    }
  } catch {
    // not JSON: fall through to the status line
  }
  const snippet = text.slice(0, 160).trim();
  return new ApiRequestError(
    `HTTP_${response.status}`,
    `${what}: ${response.status} ${response.statusText}${snippet ? ` — ${snippet}` : ""}`,
    response.status,
  );
}

export interface RangeQuery {
  readonly from?: number;
  readonly to?: number;
  readonly maxPoints?: number;
}

export const api = {
  assets: () => request<AssetSummary[]>("GET", "/api/assets"),

  series: (site: string, machine: string, range: RangeQuery & { readonly channels?: readonly string[] }) =>
    request<SeriesResponse>(
      "GET",
      url(`/api/assets/${segment(site)}/${segment(machine)}/series`, {
        from: range.from,
        to: range.to,
        maxPoints: range.maxPoints,
        channels: range.channels?.join(","),
      }),
    ),

  scores: (site: string, machine: string, range: RangeQuery) =>
    request<ScoresResponse>(
      "GET",
      url(`/api/assets/${segment(site)}/${segment(machine)}/scores`, {
        from: range.from,
        to: range.to,
        maxPoints: range.maxPoints,
      }),
    ),

  /** Newest first; the service answers at most `limit` events (its default is 500). */
  events: (
    filter: {
      readonly site?: string;
      readonly machine?: string;
      readonly status?: EventStatus;
      readonly from?: number;
      readonly limit?: number;
    } = {},
  ) => request<EventSummary[]>("GET", url("/api/events", filter)),

  event: (id: string) => request<EventDetail>("GET", `/api/events/${segment(id)}`),

  patchEvent: (id: string, patch: EventPatch) =>
    request<EventDetail>("PATCH", `/api/events/${segment(id)}`, patch),

  models: (filter: { readonly site?: string; readonly machine?: string } = {}) =>
    request<ModelSummary[]>("GET", url("/api/models", filter)),

  train: (body: TrainRequest) => request<Job>("POST", "/api/models/train", body),

  job: (id: string) => request<Job>("GET", `/api/jobs/${segment(id)}`),

  activateModel: (id: string) => request<ModelSummary>("POST", `/api/models/${segment(id)}/activate`),

  rollbackModel: (site: string, machine: string) =>
    request<ModelSummary>("POST", `/api/assets/${segment(site)}/${segment(machine)}/models/rollback`),

  drift: () => request<DriftReport>("GET", "/api/drift"),
};
