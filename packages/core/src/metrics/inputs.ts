import { VigilArgumentError } from "../errors/index.ts";

/** Rejects a mask that is not 0/1, so a score array passed by mistake fails loudly. */
export function expectBinaryMask(name: string, mask: Uint8Array): Uint8Array {
  for (let i = 0; i < mask.length; i++) {
    const v = mask[i]!;
    if (v > 1)
      throw new VigilArgumentError(`Expected 0/1 values in ${name} but index ${i} is ${v}`, { name });
  }
  return mask;
}

export function expectSameLength(what: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) {
    throw new VigilArgumentError(
      `Expected equal lengths for ${what} but received ${a.length} and ${b.length}`,
      {
        name: what,
      },
    );
  }
}

/** Validates a labels/predictions pair: both 0/1 and aligned step for step. */
export function expectLabelPair(labels: Uint8Array, predictions: Uint8Array): void {
  expectSameLength("labels and predictions", labels, predictions);
  expectBinaryMask("labels", labels);
  expectBinaryMask("predictions", predictions);
}
