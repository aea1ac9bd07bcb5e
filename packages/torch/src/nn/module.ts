import { VigilArgumentError } from "@vigil/core/errors";
import { noGrad } from "../autograd/grad-mode.ts";
import { keep } from "../tensor/scope.ts";
import type { Tensor } from "../tensor/tensor.ts";

/**
 * Base of every layer and model. Parameters (trained) and buffers (state such as running
 * statistics) are registered by name; child modules nest them under dotted names, so a state dict
 * matches PyTorch's naming for the same architecture. Registered tensors are exempt from tidy()
 * scopes and released by dispose().
 */
export abstract class Module {
  training = true;
  readonly #parameters = new Map<string, Tensor>();
  readonly #buffers = new Map<string, Tensor>();
  readonly #children = new Map<string, Module>();

  protected registerParameter(name: string, value: Tensor): Tensor {
    keep(value);
    if (!value.requiresGrad) value.requiresGrad_(true);
    this.#parameters.set(name, value);
    return value;
  }

  protected registerBuffer(name: string, value: Tensor): Tensor {
    keep(value);
    this.#buffers.set(name, value);
    return value;
  }

  protected registerModule<M extends Module>(name: string, module: M): M {
    this.#children.set(name, module);
    return module;
  }

  /** Direct children, in registration order. */
  children(): Module[] {
    return [...this.#children.values()];
  }

  *namedParameters(prefix = ""): Generator<[string, Tensor]> {
    for (const [name, p] of this.#parameters) yield [prefix + name, p];
    for (const [name, child] of this.#children) yield* child.namedParameters(`${prefix}${name}.`);
  }

  *namedBuffers(prefix = ""): Generator<[string, Tensor]> {
    for (const [name, b] of this.#buffers) yield [prefix + name, b];
    for (const [name, child] of this.#children) yield* child.namedBuffers(`${prefix}${name}.`);
  }

  parameters(): Tensor[] {
    return [...this.namedParameters()].map(([, p]) => p);
  }

  /** Parameters and buffers by dotted name (PyTorch's state_dict). The tensors are live, not copies. */
  stateDict(): Map<string, Tensor> {
    return new Map([...this.namedParameters(), ...this.namedBuffers()]);
  }

  /**
   * Copies values into the module's tensors. With strict (default), missing or unexpected names
   * and shape mismatches are errors naming the tensor; nothing is copied unless all match.
   */
  loadStateDict(state: ReadonlyMap<string, Tensor>, options: { strict?: boolean } = {}): void {
    const own = this.stateDict();
    const strict = options.strict ?? true;
    const problems: string[] = [];
    for (const [name, target] of own) {
      const source = state.get(name);
      if (source === undefined) {
        if (strict) problems.push(`missing "${name}"`);
      } else if (source.shape.join(",") !== target.shape.join(",")) {
        problems.push(`"${name}" has shape [${source.shape}] but the module expects [${target.shape}]`);
      }
    }
    if (strict) for (const name of state.keys()) if (!own.has(name)) problems.push(`unexpected "${name}"`);
    if (problems.length > 0) throw new VigilArgumentError(`loadStateDict: ${problems.join("; ")}`);
    noGrad(() => {
      for (const [name, target] of own) {
        const source = state.get(name);
        if (source !== undefined) target.copy_(source);
      }
    });
  }

  /** Training mode (dropout active, batch norm uses batch statistics), recursively. */
  train(on = true): this {
    this.training = on;
    for (const child of this.#children.values()) child.train(on);
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  /** Drops every parameter's gradient. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  parameterCount(): number {
    return this.parameters().reduce((n, p) => n + p.numel, 0);
  }

  dispose(): void {
    for (const p of this.#parameters.values()) p.dispose();
    for (const b of this.#buffers.values()) b.dispose();
    for (const c of this.#children.values()) c.dispose();
  }
}

/** A module whose forward takes and returns one tensor: what Sequential chains. */
export abstract class UnaryModule extends Module {
  abstract forward(x: Tensor): Tensor;
}
