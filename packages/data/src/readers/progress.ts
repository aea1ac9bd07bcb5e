/** Reported as a file is read: bytes consumed so far out of the file's size. */
export interface ReadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
}

export type ProgressCallback = (progress: ReadProgress) => void;
