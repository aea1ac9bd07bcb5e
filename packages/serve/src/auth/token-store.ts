import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { VigilError, VigilInputError } from "@vigil/core/errors";
import { expectOneOf } from "@vigil/core/validate";
import { SERVE_ERRORS } from "../errors/index.ts";
import { SCOPES, type Scope } from "./scopes.ts";

/** One stored token: never the token itself, only the SHA-256 of its secret. */
export interface TokenRecord {
  readonly id: string;
  readonly scope: Scope;
  readonly sha256: string;
  /** ISO 8601 */
  readonly created: string;
  readonly note?: string;
}

const FILE = "tokens.json";
const PREFIX = "vgl";

/**
 * API tokens look like `vgl_<id>_<secret>` with a 256-bit random secret. Because the secret has full
 * entropy, a plain SHA-256 is enough to store it (a slow hash such as scrypt protects guessable
 * passwords, not random keys) and lets every request be checked in microseconds. The id picks the
 * record; the comparison is constant-time.
 */
export class TokenStore {
  readonly path: string;
  #records: TokenRecord[] = [];
  #loadedMtimeMs = -1;
  #lastCheck = 0;

  constructor(home: string) {
    this.path = join(home, FILE);
  }

  /** Reads the file when it changed (at most once a second), so tokens created by the CLI apply at once. */
  async refresh(force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - this.#lastCheck < 1000) return;
    this.#lastCheck = now;
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(this.path)).mtimeMs;
    } catch {
      this.#records = [];
      this.#loadedMtimeMs = -1;
      return;
    }
    if (mtimeMs === this.#loadedMtimeMs) return;
    this.#records = parseTokens(await readFile(this.path, "utf8"), this.path);
    this.#loadedMtimeMs = mtimeMs;
  }

  /** Whether any token exists (with none, a loopback service is open). */
  get configured(): boolean {
    return this.#records.length > 0;
  }

  list(): readonly TokenRecord[] {
    return this.#records;
  }

  /** The scope of a presented token, or undefined when it is not a known token. */
  verify(token: string): Scope | undefined {
    const parts = token.split("_");
    if (parts.length !== 3 || parts[0] !== PREFIX) return undefined;
    const record = this.#records.find((r) => r.id === parts[1]);
    if (record === undefined) return undefined;
    const presented = createHash("sha256").update(parts[2]!).digest();
    const stored = Buffer.from(record.sha256, "hex");
    return stored.length === presented.length && timingSafeEqual(stored, presented)
      ? record.scope
      : undefined;
  }

  /** Creates a token, stores its hash and returns the token: the only time it is ever shown. */
  async create(scope: Scope, note?: string): Promise<{ token: string; record: TokenRecord }> {
    expectOneOf("scope", scope, SCOPES);
    await this.refresh(true);
    const id = randomBytes(6).toString("hex");
    const secret = randomBytes(32).toString("base64url").replace(/_/g, "-");
    const record: TokenRecord = {
      id,
      scope,
      sha256: createHash("sha256").update(secret).digest("hex"),
      created: new Date().toISOString(),
      ...(note === undefined ? {} : { note }),
    };
    await this.#write([...this.#records, record]);
    return { token: `${PREFIX}_${id}_${secret}`, record };
  }

  /** Removes a token by id; throws SERVE_NOT_FOUND when there is none. */
  async revoke(id: string): Promise<void> {
    await this.refresh(true);
    if (!this.#records.some((r) => r.id === id)) {
      throw new VigilError(SERVE_ERRORS.notFound, `No token with id ${id} in ${this.path}`);
    }
    await this.#write(this.#records.filter((r) => r.id !== id));
  }

  /** Written to a temporary file and renamed, so a crash never leaves half a tokens file. */
  async #write(records: TokenRecord[]): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify({ formatVersion: 1, tokens: records }, null, 2)}\n`, {
      mode: 0o600,
    });
    await rename(tmp, this.path);
    this.#records = records;
    this.#loadedMtimeMs = (await stat(this.path)).mtimeMs;
  }
}

function parseTokens(text: string, source: string): TokenRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new VigilInputError(`not valid JSON (${(error as Error).message})`, { source }, { cause: error });
  }
  const tokens = (data as { tokens?: unknown })?.tokens;
  if (!Array.isArray(tokens)) throw new VigilInputError("expected { tokens: [...] }", { source });
  return tokens.map((t, i) => {
    const r = t as Partial<TokenRecord>;
    const where = { source, column: `tokens[${i}]` };
    if (typeof r.id !== "string" || !/^[0-9a-f]{12}$/.test(r.id)) throw new VigilInputError("bad id", where);
    if (typeof r.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(r.sha256)) {
      throw new VigilInputError("bad sha256", where);
    }
    if (!SCOPES.includes(r.scope as Scope)) throw new VigilInputError(`bad scope "${r.scope}"`, where);
    return {
      id: r.id,
      scope: r.scope as Scope,
      sha256: r.sha256,
      created: String(r.created),
      ...(r.note === undefined ? {} : { note: String(r.note) }),
    };
  });
}
