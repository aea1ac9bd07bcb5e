import { VigilError } from "@vigil/core/errors";
import { startTsWorker } from "@vigil/core/worker";
import type { DriftOptions } from "./drift-options.ts";
import type { DriftReferenceInput, DriftReferenceState } from "./drift-reference.ts";

/**
 * buildDriftReference on a worker thread. Its ERT calibration simulates thousands of drift-free
 * streams (seconds of CPU at the defaults), which would stall the service's event loop — HTTP, MQTT
 * and the stream scorer — if a train request ran it inline.
 */
export function buildDriftReferenceOffThread(
  input: DriftReferenceInput,
  options: Partial<DriftOptions>,
): Promise<DriftReferenceState> {
  const worker = startTsWorker(new URL("./reference-worker.ts", import.meta.url), {
    workerData: { input, options },
  });
  return new Promise((resolve, reject) => {
    let result: DriftReferenceState | undefined;
    worker.once("message", (value: DriftReferenceState) => {
      result = value;
    });
    worker.once("error", (error) =>
      reject(
        new VigilError("VIGIL_ERR_DRIFT_REFERENCE", `Building the drift reference failed: ${error.message}`, {
          cause: error,
        }),
      ),
    );
    worker.once("exit", (code) => {
      if (result !== undefined) resolve(result);
      else
        reject(
          new VigilError("VIGIL_ERR_DRIFT_REFERENCE", `The drift reference worker exited with code ${code}`),
        );
    });
  });
}
