import { VigilArgumentError } from "@vigil/core/errors";
import { createRng, hashSeed, type Rng } from "@vigil/core/random";
import { expectPositiveInteger } from "@vigil/core/validate";
import { aggregateUpdates } from "../aggregate/aggregate-updates.ts";
import { type RejectedUpdate, screenUpdates } from "../aggregate/screen-updates.ts";
import type { FederatedClient } from "../client/federated-client.ts";
import { dpFedAvg } from "../privacy/dp-fedavg.ts";
import { type PrivacySpent, RdpAccountant } from "../privacy/rdp-accountant.ts";
import { addScaledInto, l2Norm } from "../update/delta.ts";
import { globalMessage, messageToUpdate } from "../update/message.ts";
import { elementCount, formatShape, type ModelUpdate, type NamedTensor } from "../update/model-update.ts";
import { decodeMessage, encodeMessage } from "../update/wire-format.ts";
import { type CoordinatorOptions, coordinatorOptions } from "./coordinator-options.ts";
import { formatRoundReport, type RoundReport } from "./round-report.ts";
import { settleWithin } from "./settle-within.ts";

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Runs federated rounds over sites that keep their data: each round it draws clients, broadcasts the
 * global model as one wire message, collects their updates concurrently with a per-round time limit
 * (a straggler or a failing site is reported and the round goes on with the others), decodes and
 * screens them (malformed, mismatched or non-finite updates are rejected with a reason), aggregates by
 * the chosen rule or DP-FedAvg, and steps the global model. Rounds run one after another.
 */
export class Coordinator {
  readonly options: CoordinatorOptions;
  readonly #clients: readonly FederatedClient[];
  readonly #model: NamedTensor[];
  readonly #shapes: ReadonlyMap<string, readonly number[]>;
  readonly #selection: Rng;
  readonly #noise: Rng;
  readonly #accountant = new RdpAccountant();
  #round = 0;

  constructor(
    clients: readonly FederatedClient[],
    initial: readonly NamedTensor[],
    options?: Partial<CoordinatorOptions>,
  ) {
    this.options = coordinatorOptions(options);
    if (clients.length === 0) throw new VigilArgumentError("Expected at least one client");
    const ids = new Set(clients.map((c) => c.id));
    if (ids.size !== clients.length) throw new VigilArgumentError("Expected clients with distinct ids");
    if (initial.length === 0)
      throw new VigilArgumentError("Expected an initial model with at least one tensor");
    for (const t of initial) {
      if (t.data.length !== elementCount(t.shape)) {
        throw new VigilArgumentError(
          `Expected ${elementCount(t.shape)} values for initial tensor "${t.name}" of shape ${formatShape(t.shape)} but received ${t.data.length}`,
        );
      }
    }
    this.#clients = clients;
    this.#model = initial.map((t) => ({
      name: t.name,
      shape: [...t.shape],
      data: Float32Array.from(t.data),
    }));
    this.#shapes = new Map(initial.map((t) => [t.name, t.shape]));
    if (this.#shapes.size !== initial.length) throw new VigilArgumentError("Expected distinct tensor names");
    this.#selection = createRng(hashSeed(this.options.seed, "selection"));
    this.#noise = createRng(hashSeed(this.options.seed, "privacy noise"));
  }

  /** A copy of the current global model. */
  get model(): NamedTensor[] {
    return this.#model.map((t) => ({ name: t.name, shape: t.shape, data: Float32Array.from(t.data) }));
  }

  /** Rounds completed. */
  get rounds(): number {
    return this.#round;
  }

  /** (ε, δ) spent so far; undefined without privacy. */
  privacySpent(): PrivacySpent | undefined {
    const p = this.options.privacy;
    return p === undefined ? undefined : this.#accountant.spent(p.delta);
  }

  async run(rounds: number): Promise<RoundReport[]> {
    expectPositiveInteger("rounds", rounds);
    const reports: RoundReport[] = [];
    for (let r = 0; r < rounds; r++) reports.push(await this.runRound());
    return reports;
  }

  async runRound(): Promise<RoundReport> {
    const started = performance.now();
    const round = ++this.#round;
    const selected = this.#select(round);
    const broadcast = encodeMessage(globalMessage(round, this.#model));
    const answers = await Promise.all(
      selected.map((client) =>
        settleWithin(
          Promise.resolve().then(() => client.train({ round, model: broadcast })),
          this.options.roundTimeoutMs,
        ),
      ),
    );
    const timedOut: string[] = [];
    const failed: RejectedUpdate[] = [];
    const rejected: RejectedUpdate[] = [];
    const received: ModelUpdate[] = [];
    let bytesUp = 0;
    answers.forEach((answer, k) => {
      const id = selected[k]!.id;
      if (answer.status === "timeout") timedOut.push(id);
      else if (answer.status === "failed") failed.push({ client: id, reason: message(answer.error) });
      else {
        bytesUp += answer.value.byteLength;
        const problem = this.#read(id, round, answer.value, received);
        if (problem !== undefined) rejected.push({ client: id, reason: problem });
      }
    });
    const screened = screenUpdates(received, this.#shapes);
    rejected.push(...screened.rejected);
    const { accepted } = screened;
    let clipped: string[] = [];
    let stepNorm = 0;
    if (accepted.length > 0) {
      const step = this.#aggregate(accepted);
      clipped = step.clipped;
      stepNorm = this.options.serverLearningRate * l2Norm(step.tensors);
      addScaledInto(this.#model, step.tensors, this.options.serverLearningRate);
    }
    const report: RoundReport = {
      round,
      selected: selected.map((c) => c.id),
      used: accepted.map((u) => u.client),
      rejected,
      timedOut,
      failed,
      clipped,
      bytesDown: broadcast.byteLength * selected.length,
      bytesUp,
      loss: weightedLoss(accepted),
      stepNorm,
      epsilon: this.privacySpent()?.epsilon,
      seconds: (performance.now() - started) / 1000,
    };
    if (this.options.progress) process.stderr.write(`${formatRoundReport(report)}\n`);
    return report;
  }

  #select(round: number): readonly FederatedClient[] {
    const k = this.options.clientsPerRound;
    if (k === undefined || k >= this.#clients.length) return this.#clients;
    return this.#selection
      .fork(`round ${round}`)
      .shuffle([...this.#clients])
      .slice(0, k);
  }

  /** Decodes one answer into `into`, or says why it cannot be used. */
  #read(id: string, round: number, bytes: Uint8Array, into: ModelUpdate[]): string | undefined {
    if (bytes.byteLength > this.options.maxUpdateBytes) {
      return `sent ${bytes.byteLength} bytes, more than maxUpdateBytes (${this.options.maxUpdateBytes})`;
    }
    try {
      const m = decodeMessage(bytes, { source: `update from ${id}`, expect: this.#shapes });
      if (m.kind !== "update") return `sent a "${m.kind}" message instead of an update`;
      if (m.sender !== id) return `signed as "${m.sender}"`;
      if (m.round !== round) return `answered round ${m.round} during round ${round}`;
      into.push(messageToUpdate(m));
      return undefined;
    } catch (error) {
      return message(error);
    }
  }

  #aggregate(accepted: readonly ModelUpdate[]): { tensors: NamedTensor[]; clipped: string[] } {
    const p = this.options.privacy;
    if (p === undefined) return aggregateUpdates(accepted, this.options.aggregation);
    const dp = dpFedAvg(accepted, {
      clipNorm: p.clipNorm,
      noiseMultiplier: p.noiseMultiplier,
      rng: this.#noise,
    });
    this.#accountant.addGaussianRounds(p.noiseMultiplier);
    return dp;
  }
}

function weightedLoss(updates: readonly ModelUpdate[]): number {
  let sum = 0;
  let weight = 0;
  for (const u of updates) {
    if (!Number.isFinite(u.loss)) continue;
    sum += u.sampleCount * u.loss;
    weight += u.sampleCount;
  }
  return weight === 0 ? Number.NaN : sum / weight;
}
