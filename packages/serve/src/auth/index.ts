export { SCOPES, type Scope, scopeAllows } from "./scopes.ts";
export { type TokenRecord, TokenStore } from "./token-store.ts";
