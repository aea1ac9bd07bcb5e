import { Module } from "../module.ts";

/** Names children 0..n-1 under one parent, as torch.nn.ModuleList. */
export class ModuleList extends Module {
  constructor(readonly items: readonly Module[]) {
    super();
    for (const [i, m] of items.entries()) this.registerModule(String(i), m);
  }
}
