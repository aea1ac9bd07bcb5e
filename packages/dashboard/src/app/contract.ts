/**
 * The service's wire contract, types only. It is reached by path rather than as `@vigil/serve` because
 * the service imports the dashboard at run time: a package dependency back would be a cycle. Types are
 * erased by esbuild, so no service code reaches the browser bundle.
 */
export type * from "../../../serve/src/api/contract.ts";
