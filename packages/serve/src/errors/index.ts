export { SERVE_ERRORS, type ServeErrorCode } from "./codes.ts";
