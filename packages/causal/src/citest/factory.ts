import { expectOneOf } from "@vigil/core/validate";
import type { DataMatrix } from "../data/matrix.ts";
import { type CmiKnnOptions, cmiKnnTest } from "./cmi-knn.ts";
import { fisherZTest } from "./fisher-z.ts";
import { gSquareTest } from "./g-square.ts";
import type { CITest } from "./types.ts";

export const CI_TEST_KINDS = ["fisherz", "gsq", "cmiknn"] as const;
export type CITestKind = (typeof CI_TEST_KINDS)[number];

/** The CI test named on a command line or in a config. */
export function createCITest(kind: string, data: DataMatrix, cmi?: Partial<CmiKnnOptions>): CITest {
  switch (expectOneOf("test", kind, CI_TEST_KINDS)) {
    case "fisherz":
      return fisherZTest(data);
    case "gsq":
      return gSquareTest(data);
    case "cmiknn":
      return cmiKnnTest(data, cmi);
  }
}
