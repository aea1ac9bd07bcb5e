import { VigilArgumentError } from "@vigil/core/errors";

/**
 * Background knowledge. `required`: directed edges that must appear (never removed, oriented as given).
 * `forbidden`: directions that must not appear. `tiers`: ordered groups; nothing in a later tier
 * causes anything in an earlier one (e.g. "a later time cannot cause an earlier one").
 */
export interface BackgroundKnowledge {
  readonly required?: readonly (readonly [string, string])[];
  readonly forbidden?: readonly (readonly [string, string])[];
  readonly tiers?: readonly (readonly string[])[];
}

/** Knowledge compiled to index matrices over the variables. */
export class CompiledKnowledge {
  private readonly p: number;
  private readonly forbid: Uint8Array;
  private readonly require: Uint8Array;

  constructor(names: readonly string[], knowledge: BackgroundKnowledge = {}) {
    this.p = names.length;
    this.forbid = new Uint8Array(this.p * this.p);
    this.require = new Uint8Array(this.p * this.p);
    const at = (name: string): number => {
      const i = names.indexOf(name);
      if (i < 0) throw new VigilArgumentError(`Background knowledge names unknown variable "${name}"`);
      return i;
    };
    for (const [a, b] of knowledge.forbidden ?? []) this.forbid[at(a) * this.p + at(b)] = 1;
    const tierOf = new Map<number, number>();
    (knowledge.tiers ?? []).forEach((tier, t) => {
      for (const name of tier) tierOf.set(at(name), t);
    });
    for (const [i, ti] of tierOf) for (const [j, tj] of tierOf) if (ti > tj) this.forbid[i * this.p + j] = 1;
    for (const [a, b] of knowledge.required ?? []) {
      const i = at(a);
      const j = at(b);
      if (this.forbid[i * this.p + j])
        throw new VigilArgumentError(`Edge ${a} -> ${b} is both required and forbidden`);
      this.require[i * this.p + j] = 1;
    }
  }

  isForbidden(i: number, j: number): boolean {
    return this.forbid[i * this.p + j] === 1;
  }

  isRequired(i: number, j: number): boolean {
    return this.require[i * this.p + j] === 1;
  }

  /** The pair may be adjacent at all. */
  mayBeAdjacent(i: number, j: number): boolean {
    return !(this.isForbidden(i, j) && this.isForbidden(j, i));
  }

  /** The edge must stay whatever the tests say. */
  mustBeAdjacent(i: number, j: number): boolean {
    return this.isRequired(i, j) || this.isRequired(j, i);
  }
}
