export { VigilArgumentError, VigilError, VigilInputError } from "./vigil-error.ts";
