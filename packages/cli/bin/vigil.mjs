#!/usr/bin/env node
// The `vigil` executable: Vigil runs from its TypeScript sources through tsx's loader.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
