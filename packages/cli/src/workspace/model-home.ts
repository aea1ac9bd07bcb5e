import { join } from "node:path";
import type { AssetRef } from "@vigil/core";
import { VigilArgumentError } from "@vigil/core/errors";

/** Vigil's working directory: `--home`, else $VIGIL_HOME, else ./.vigil; models live in its models/. */
export function modelsDir(home: string | undefined): string {
  return join(home ?? process.env.VIGIL_HOME ?? ".vigil", "models");
}

/** "site/machine" → an asset reference. */
export function parseAsset(text: string): AssetRef {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(text);
  if (match === null) {
    throw new VigilArgumentError(`Expected --asset as site/machine but received "${text}"`, {
      name: "asset",
    });
  }
  return { site: match[1]!, machine: match[2]! };
}
