import { mkdir, open, readFile, rename } from "node:fs/promises";
import { dirname } from "node:path";
import { VigilInputError } from "@vigil/core/errors";

/**
 * Writes JSON so that a crash at any moment leaves either the old or the new file: the text goes to a
 * temporary sibling, is fsynced, then renamed over the target (rename is atomic on POSIX), and the
 * directory is fsynced so the rename itself survives a power cut.
 */
export async function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, "w");
  try {
    await file.writeFile(`${JSON.stringify(value)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  const dir = await open(dirname(path), "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** Reads a JSON file; undefined when it does not exist, VigilInputError when it is not JSON. */
export async function readJsonIfPresent(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new VigilInputError(
      `not valid JSON: ${(error as Error).message}`,
      { source: path },
      { cause: error },
    );
  }
}
