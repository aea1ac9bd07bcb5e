import { VigilError } from "@vigil/core/errors";

/** Anything a scope can release. */
export interface Disposable {
  dispose(): void;
  readonly isDisposed: boolean;
}

const scopes: Set<Disposable>[] = [];
const kept = new WeakSet<Disposable>();

/** Called by every new tensor: the innermost open scope will release it. */
export function track(item: Disposable): void {
  scopes[scopes.length - 1]?.add(item);
}

/** Exempts `item` from every scope: it lives until disposed by hand (or garbage-collected). */
export function keep<T extends Disposable>(item: T): T {
  kept.add(item);
  for (const scope of scopes) scope.delete(item);
  return item;
}

function collect(value: unknown, into: Set<Disposable>, depth = 0): void {
  if (value === null || typeof value !== "object" || depth > 3) return;
  if ("dispose" in value && "isDisposed" in value) {
    into.add(value as Disposable);
    return;
  }
  const items = Array.isArray(value)
    ? value
    : value instanceof Map
      ? [...value.values()]
      : Object.values(value);
  for (const item of items) collect(item, into, depth + 1);
}

/**
 * Runs `fn` and disposes every tensor created inside it, except those it returns (found in the
 * result itself, or inside arrays, Maps and plain objects up to three levels deep) and those
 * passed to keep(). Returned tensors move to the enclosing scope. Async functions are refused:
 * a scope cannot know when their tensors stop being used.
 */
export function tidy<T>(fn: () => T): T {
  const scope = new Set<Disposable>();
  scopes.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (error) {
    scopes.pop();
    for (const item of scope) item.dispose();
    throw error;
  }
  scopes.pop();
  if (result instanceof Promise) {
    for (const item of scope) item.dispose();
    throw new VigilError(
      "VIGIL_TORCH_ASYNC_SCOPE",
      "tidy() was given an async function; tensors created after an await would leak. Use tidy() inside it around synchronous parts.",
    );
  }
  const survivors = new Set<Disposable>();
  collect(result, survivors);
  const parent = scopes[scopes.length - 1];
  for (const item of scope) {
    if (survivors.has(item)) parent?.add(item);
    else if (!kept.has(item)) item.dispose();
  }
  return result;
}

/** Disposes every tensor (or nested structure of tensors) given. */
export function dispose(value: unknown): void {
  const items = new Set<Disposable>();
  collect(value, items);
  for (const item of items) item.dispose();
}
