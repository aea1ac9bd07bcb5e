// Compares the C++ registrations (src/*.cc) with the hand-written types (lib/binding.d.ts):
// every registered op and function must be typed, and every typed one must be registered.
import { readdirSync, readFileSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const cc = readdirSync(`${root}src`)
  .filter((f) => f.endsWith(".cc"))
  .map((f) => readFileSync(`${root}src/${f}`, "utf8"))
  .join("\n");
const dts = readFileSync(`${root}lib/binding.d.ts`, "utf8");

const registeredOps = new Set(
  [...cc.matchAll(/\b(?:OP|MULTI|UNARY|BINARY|INPLACE_BINARY)\("([a-z0-9_]+)"/g)].map((m) => m[1]),
);
const registeredFns = new Set([...cc.matchAll(/exports\.Set\("([A-Za-z]+)"/g)].map((m) => m[1]));

function members(interfaceName) {
  const start = dts.indexOf(`export interface ${interfaceName} {`);
  if (start < 0) throw new Error(`binding.d.ts has no interface ${interfaceName}`);
  let depth = 0;
  let end = start;
  for (let i = dts.indexOf("{", start); i < dts.length; i++) {
    if (dts[i] === "{") depth++;
    if (dts[i] === "}" && --depth === 0) {
      end = i;
      break;
    }
  }
  const body = dts.slice(start, end);
  return new Set([...body.matchAll(/^ {2}([A-Za-z0-9_]+)[(:]/gm)].map((m) => m[1]));
}

const typedOps = members("Ops");
const typedFns = members("Binding");
typedFns.delete("ops");
registeredFns.delete("ops");

const problems = [];
for (const op of registeredOps)
  if (!typedOps.has(op)) problems.push(`op "${op}" is registered in C++ but not typed in binding.d.ts`);
for (const op of typedOps)
  if (!registeredOps.has(op)) problems.push(`op "${op}" is typed in binding.d.ts but not registered in C++`);
for (const fn of registeredFns)
  if (!typedFns.has(fn)) problems.push(`function "${fn}" is registered in C++ but not typed`);
for (const fn of typedFns)
  if (!registeredFns.has(fn)) problems.push(`function "${fn}" is typed but not registered in C++`);

if (problems.length > 0) {
  console.error(`check-binding: ${problems.length} mismatch(es)\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(
  `check-binding: ${registeredOps.size} ops and ${registeredFns.size} functions match binding.d.ts`,
);
