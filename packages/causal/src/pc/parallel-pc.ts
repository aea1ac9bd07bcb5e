import type { Worker } from "node:worker_threads";
import { VigilArgumentError } from "@vigil/core/errors";
import { expectInteger, expectNumber, withDefaults } from "@vigil/core/validate";
import { startTsWorker } from "@vigil/core/worker";
import type { CmiKnnOptions } from "../citest/cmi-knn.ts";
import { type CITestKind, createCITest } from "../citest/factory.ts";
import type { DataMatrix } from "../data/matrix.ts";
import { validateMatrix } from "../data/matrix.ts";
import { CompiledKnowledge } from "./knowledge.ts";
import { orientSkeleton } from "./orient.ts";
import { PC_DEFAULTS, type PcOptions, type PcResult } from "./pc.ts";
import { initialGraph, levelPossible, levelTasks, type PairTask, pairKey, separate } from "./skeleton.ts";

export interface ParallelPcOptions extends PcOptions {
  readonly test: CITestKind;
  readonly cmi: Partial<CmiKnnOptions>;
  /** Worker threads; 0 runs the tests in this thread (the same results, for comparison and tiny inputs). */
  readonly workers: number;
  /** Pairs per message: small batches balance uneven test costs, large ones save messaging. */
  readonly batch: number;
}

export const PARALLEL_PC_DEFAULTS: ParallelPcOptions = {
  ...PC_DEFAULTS,
  test: "cmiknn",
  cmi: {},
  workers: 2,
  batch: 1,
};

/** What each worker is started with: the data and how to build its CI test. */
export interface SkeletonWorkerData {
  readonly names: readonly string[];
  readonly columns: readonly Float64Array[];
  readonly test: CITestKind;
  readonly cmi: Partial<CmiKnnOptions>;
}

export interface SkeletonWorkerRequest {
  readonly id: number;
  readonly level: number;
  readonly alpha: number;
  readonly tasks: readonly PairTask[];
}

export interface SkeletonWorkerReply {
  readonly id: number;
  readonly results: readonly { readonly sepset: number[] | undefined; readonly tests: number }[];
}

type Separation = SkeletonWorkerReply["results"][number];

/** Runs the tasks of one level over the workers, each taking the next batch when it finishes one. */
async function runLevel(
  workers: readonly Worker[],
  tasks: readonly PairTask[],
  level: number,
  alpha: number,
  batch: number,
): Promise<Separation[]> {
  const results: Separation[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const send = (): void => {
            if (next >= tasks.length) {
              worker.off("message", onMessage);
              worker.off("error", reject);
              resolve();
              return;
            }
            const id = next;
            next = Math.min(tasks.length, next + batch);
            worker.postMessage({
              id,
              level,
              alpha,
              tasks: tasks.slice(id, next),
            } satisfies SkeletonWorkerRequest);
          };
          const onMessage = (reply: SkeletonWorkerReply): void => {
            reply.results.forEach((r, k) => {
              results[reply.id + k] = r;
            });
            send();
          };
          worker.on("message", onMessage);
          worker.on("error", reject);
          send();
        }),
    ),
  );
  return results;
}

/**
 * PC-stable with the CI tests of each level spread over worker threads. Within a level PC-stable's pairs are
 * independent (adjacency sets are frozen), and each pair is tested in the sequential order, so the result —
 * skeleton, separating sets, orientation, test count — is identical to `pc` with the same test. Pays for
 * expensive tests (CMIknn); a Fisher-z test costs microseconds and is faster in one thread.
 */
export async function pcParallel(data: DataMatrix, options?: Partial<ParallelPcOptions>): Promise<PcResult> {
  const o = withDefaults("pcParallel options", PARALLEL_PC_DEFAULTS, options);
  expectNumber("alpha", o.alpha, 0, 1);
  expectInteger("workers", o.workers, 0, 256);
  expectInteger("batch", o.batch, 1);
  validateMatrix(data);
  const local = createCITest(o.test, data, o.cmi);
  if (local.minPValue !== undefined && local.minPValue > o.alpha) {
    throw new VigilArgumentError(
      `pcParallel: the ${local.name} test cannot return p-values below ${local.minPValue.toPrecision(3)}, so at alpha ${o.alpha} no edge could ever be kept; use more permutations`,
    );
  }
  const knowledge = new CompiledKnowledge(data.names, o.knowledge);
  const workerData: SkeletonWorkerData = {
    names: data.names,
    columns: data.columns,
    test: o.test,
    cmi: o.cmi,
  };
  const workers = Array.from({ length: o.workers }, () =>
    startTsWorker(new URL("./skeleton-worker.ts", import.meta.url), { workerData }),
  );
  try {
    const graph = initialGraph(data.names, knowledge);
    const sepsets = new Map<string, number[]>();
    let testsRun = 0;
    for (let level = 0; level <= o.maxConditioningSize && levelPossible(graph, level); level++) {
      const tasks = levelTasks(graph, knowledge, level);
      const results =
        workers.length === 0
          ? tasks.map((task) => separate(local, task, level, o.alpha))
          : await runLevel(workers, tasks, level, o.alpha, o.batch);
      tasks.forEach((task, k) => {
        const { sepset, tests } = results[k] as Separation;
        testsRun += tests;
        if (sepset !== undefined) {
          graph.removeEdge(task.x, task.y);
          sepsets.set(pairKey(task.x, task.y), sepset);
        }
      });
      o.onProgress?.({ level, testsRun, edges: graph.edgeCount() });
    }
    const conflicts = orientSkeleton(graph, sepsets, knowledge);
    return { graph, edges: graph.edges(), sepsets, conflicts, testsRun };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
