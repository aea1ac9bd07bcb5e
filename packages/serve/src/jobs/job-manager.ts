import { randomUUID } from "node:crypto";
import { VigilError } from "@vigil/core/errors";
import type { Job } from "../api/contract.ts";
import { SERVE_ERRORS } from "../errors/index.ts";

/** What a job's work reports while it runs, and returns when done. */
export interface JobContext {
  /** 0..1, with an optional line for the dashboard. */
  progress(fraction: number, message?: string): void;
}

export interface JobResult {
  readonly model?: string;
  readonly message?: string;
}

/**
 * Background jobs (training) run one at a time: training is the heaviest work the service does, and
 * running several at once on two cores would starve scoring. Every change is announced to `onChange`
 * (the live socket). Finished jobs are kept for GET /api/jobs/:id; the oldest are forgotten beyond `keep`.
 */
export class JobManager {
  readonly #jobs = new Map<string, Job>();
  readonly #onChange: (job: Job) => void;
  readonly #keep: number;
  readonly #maxWaiting: number;
  #waiting = 0;
  #queue: Promise<void> = Promise.resolve();
  #lastProgressAt = 0;

  /** At most `maxWaiting` jobs wait to run; more are refused (SERVE_BUSY) rather than queued without bound. */
  constructor(onChange: (job: Job) => void, keep = 200, maxWaiting = 16) {
    this.#onChange = onChange;
    this.#keep = keep;
    this.#maxWaiting = maxWaiting;
  }

  get(id: string): Job | undefined {
    return this.#jobs.get(id);
  }

  list(): Job[] {
    return [...this.#jobs.values()].reverse();
  }

  #set(job: Job, throttle = false): void {
    this.#jobs.set(job.id, job);
    // Progress is announced at most 10 times a second; state changes always.
    if (throttle) {
      const now = Date.now();
      if (now - this.#lastProgressAt < 100) return;
      this.#lastProgressAt = now;
    }
    this.#onChange(job);
  }

  /** Queues the work and returns the job at once (state "queued"). */
  start(kind: Job["kind"], work: (context: JobContext) => Promise<JobResult>): Job {
    if (this.#waiting >= this.#maxWaiting) {
      throw new VigilError(
        SERVE_ERRORS.busy,
        `${this.#waiting} jobs are already waiting; retry when some have finished`,
      );
    }
    this.#waiting++;
    const job: Job = { id: randomUUID(), kind, state: "queued", progress: 0 };
    this.#set(job);
    for (const id of [...this.#jobs.keys()].slice(0, Math.max(0, this.#jobs.size - this.#keep))) {
      if (this.#jobs.get(id)!.state === "done" || this.#jobs.get(id)!.state === "failed")
        this.#jobs.delete(id);
    }
    this.#queue = this.#queue.then(async () => {
      this.#waiting--;
      let current: Job = { ...job, state: "running" };
      this.#set(current);
      try {
        const result = await work({
          progress: (fraction, message) => {
            current = {
              ...current,
              progress: Math.min(1, Math.max(0, fraction)),
              ...(message === undefined ? {} : { message }),
            };
            this.#set(current, true);
          },
        });
        this.#set({ ...current, ...result, state: "done", progress: 1 });
      } catch (error) {
        this.#set({ ...current, state: "failed", message: (error as Error).message });
      }
    });
    return job;
  }

  /** Resolves when every queued job has finished. */
  async idle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.#queue) {
      seen = this.#queue;
      await seen;
    }
  }
}
