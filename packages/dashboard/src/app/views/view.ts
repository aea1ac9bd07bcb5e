import type { LiveMessage } from "../contract.ts";
import type { ErrorTray } from "../errors.ts";
import type { LiveConnection } from "../live.ts";

/** What every page gets from the shell. */
export interface ViewContext {
  readonly live: LiveConnection;
  readonly errors: ErrorTray;
}

/** A page: built once when its route is entered, fed live messages while shown, disposed on leaving. */
export interface View {
  readonly element: HTMLElement;
  receive?(message: LiveMessage): void;
  /** The live socket (re)connected: messages may have been missed while it was down, so reload. */
  resync?(): void;
  dispose(): void;
}
