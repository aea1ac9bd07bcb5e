import { VigilArgumentError } from "@vigil/core/errors";
import type { DataMatrix } from "../data/matrix.ts";
import { validateMatrix } from "../data/matrix.ts";
import { chiSquareSurvival } from "../stats/gamma.ts";
import { type CITest, cached } from "./types.ts";

interface Coded {
  readonly codes: Int32Array;
  readonly levels: number;
}

/** Maps each distinct value of a column to 0..levels−1 (discrete data only: integers or category codes). */
function encode(column: Float64Array, name: string, maxLevels: number): Coded {
  const index = new Map<number, number>();
  const codes = new Int32Array(column.length);
  column.forEach((v, i) => {
    let code = index.get(v);
    if (code === undefined) {
      code = index.size;
      if (code >= maxLevels) {
        throw new VigilArgumentError(
          `G² test: column ${name} has more than ${maxLevels} distinct values; discretise it first`,
        );
      }
      index.set(v, code);
    }
    codes[i] = code;
  });
  return { codes, levels: index.size };
}

/**
 * G² (likelihood-ratio) test of X ⟂ Y | S on discrete data. Degrees of freedom are summed per observed
 * stratum of S as (levels of X seen − 1)(levels of Y seen − 1), so empty cells do not inflate df.
 */
export function gSquareTest(data: DataMatrix, options: { maxLevels?: number } = {}): CITest {
  validateMatrix(data);
  const coded = data.columns.map((c, i) => encode(c, data.names[i] as string, options.maxLevels ?? 64));
  const n = coded[0]?.codes.length ?? 0;
  return cached({
    name: "gsq",
    variables: coded.length,
    test(x, y, s) {
      const cx = coded[x] as Coded;
      const cy = coded[y] as Coded;
      const strata = new Map<number, Float64Array>();
      const cells = cx.levels * cy.levels;
      for (let i = 0; i < n; i++) {
        let stratum = 0;
        for (const v of s) {
          const c = coded[v] as Coded;
          stratum = stratum * c.levels + (c.codes[i] as number);
        }
        let table = strata.get(stratum);
        if (table === undefined) {
          table = new Float64Array(cells);
          strata.set(stratum, table);
        }
        const cell = (cx.codes[i] as number) * cy.levels + (cy.codes[i] as number);
        table[cell] = (table[cell] as number) + 1;
      }
      let g2 = 0;
      let df = 0;
      const rowSums = new Float64Array(cx.levels);
      const colSums = new Float64Array(cy.levels);
      for (const table of strata.values()) {
        rowSums.fill(0);
        colSums.fill(0);
        let total = 0;
        for (let a = 0; a < cx.levels; a++) {
          for (let b = 0; b < cy.levels; b++) {
            const c = table[a * cy.levels + b] as number;
            rowSums[a] = (rowSums[a] as number) + c;
            colSums[b] = (colSums[b] as number) + c;
            total += c;
          }
        }
        for (let a = 0; a < cx.levels; a++) {
          for (let b = 0; b < cy.levels; b++) {
            const c = table[a * cy.levels + b] as number;
            if (c > 0)
              g2 += 2 * c * Math.log((c * total) / ((rowSums[a] as number) * (colSums[b] as number)));
          }
        }
        const seenX = rowSums.reduce((k, v) => k + (v > 0 ? 1 : 0), 0);
        const seenY = colSums.reduce((k, v) => k + (v > 0 ? 1 : 0), 0);
        df += Math.max(0, seenX - 1) * Math.max(0, seenY - 1);
      }
      const pValue = df === 0 ? 1 : chiSquareSurvival(Math.max(0, g2), df);
      return { pValue, statistic: g2 };
    },
  });
}
