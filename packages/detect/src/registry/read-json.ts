import { readFile } from "node:fs/promises";
import { VigilInputError } from "@vigil/core/errors";
import type { z } from "zod";
import { jsonErrorOffset } from "./json-error-offset.ts";

/** Line and column (1-based) of a character offset, for pointing at a JSON syntax error. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Reads a JSON file and validates it; any problem is a VigilInputError naming the file and, where known, the place. */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const text = await readFile(path, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new VigilInputError(
      "invalid JSON",
      { source: path, ...lineColumn(text, jsonErrorOffset(text)) },
      { cause: error },
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join(".");
    throw new VigilInputError(`${field === "" ? "" : `${field}: `}${issue.message}`, {
      source: path,
      ...(field === "" ? {} : { column: field }),
    });
  }
  return parsed.data;
}
