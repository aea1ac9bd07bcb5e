import { VigilArgumentError } from "../errors/index.ts";

/** Reference and current data as one column per dimension (or channel): the same non-zero count on both sides. */
export function expectMatchingDimensions(
  reference: readonly ArrayLike<number>[],
  current: readonly ArrayLike<number>[],
): number {
  if (reference.length === 0 || reference.length !== current.length) {
    throw new VigilArgumentError(
      `Expected the same non-zero number of dimensions for reference and current but received ${reference.length} and ${current.length}`,
    );
  }
  return reference.length;
}
