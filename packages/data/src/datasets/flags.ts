import { VigilInputError } from "@vigil/core/errors";

/**
 * A label column read as numbers → per-row 0/1 flags. Anything else is an input error at its line
 * (`firstLine` is the file line of row 0: 2 below a header, 1 without one).
 */
export function toFlags(
  values: Float64Array,
  where: { source: string; column?: string; firstLine: number },
): Uint8Array {
  return Uint8Array.from(values, (v, i) => {
    if (v !== 0 && v !== 1) {
      throw new VigilInputError(`expected 0 or 1 but found ${v}`, {
        source: where.source,
        line: where.firstLine + i,
        ...(where.column === undefined ? {} : { column: where.column }),
      });
    }
    return v;
  });
}
