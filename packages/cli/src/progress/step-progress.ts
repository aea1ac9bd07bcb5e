import { SingleBar } from "cli-progress";

export interface StepProgress {
  /** `done` of `total` units; `info` is a short note shown after the counts (e.g. the loss). */
  update(done: number, total: number, info?: string): void;
  stop(): void;
}

/**
 * Progress of long work on stderr (stdout stays for results): a cli-progress bar on a terminal, and
 * otherwise (logs, CI, tests) a line at each tenth of the way, so logs stay short.
 */
export function stepProgress(label: string, unit: string): StepProgress {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% {value}/{total} ${unit} {info}`,
      stream: process.stderr,
      hideCursor: true,
    });
    let started = false;
    return {
      update: (done, total, info = "") => {
        if (!started) bar.start(total, 0, { info });
        started = true;
        bar.setTotal(total);
        bar.update(done, { info });
      },
      stop: () => {
        if (started) bar.stop();
        started = false;
      },
    };
  }
  let lastTenth = -1;
  return {
    update: (done, total, info = "") => {
      const tenth = Math.floor((10 * done) / Math.max(total, 1));
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      console.error(`${label}: ${done}/${total} ${unit}${info === "" ? "" : ` ${info}`}`);
    },
    stop: () => undefined,
  };
}
