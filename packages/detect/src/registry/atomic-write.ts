import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes a file and flushes it to disk before returning. */
export async function writeDurably(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `path` atomically: the data goes to a temporary sibling, is flushed, then renamed over the
 * target, so readers see the old file or the new one, never a half-written one.
 */
export async function replaceFileAtomically(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(path), `.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeDurably(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * Creates directory `path` with the given files, all or nothing: they are written into a hidden
 * temporary directory that is renamed into place once complete. Fails if `path` already exists.
 */
export async function createDirectoryAtomically(
  path: string,
  files: Readonly<Record<string, Uint8Array | string>>,
): Promise<void> {
  const temporary = join(dirname(path), `.${randomBytes(6).toString("hex")}.tmp`);
  await mkdir(temporary);
  try {
    for (const [name, data] of Object.entries(files)) await writeDurably(join(temporary, name), data);
    await syncDirectory(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}
