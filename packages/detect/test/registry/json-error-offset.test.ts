import assert from "node:assert/strict";
import { test } from "node:test";
import { jsonErrorOffset } from "../../src/registry/json-error-offset.ts";

test("points at the first character JSON.parse cannot accept", () => {
  const cases: [string, number][] = [
    ['{"a": oops}', 6],
    ['{"a": 1,}', 8],
    ["[1, 2", 5],
    ['{"a" 1}', 5],
    ['{"a": "x\\q"}', 9],
    ["01", 1],
    ["{} x", 3],
    ["", 0],
  ];
  for (const [text, offset] of cases) {
    assert.throws(() => JSON.parse(text));
    assert.equal(jsonErrorOffset(text), offset, text);
  }
});

test("accepts what JSON.parse accepts", () => {
  for (const text of ['{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}', " [ ] ", '"x"', "0"]) {
    JSON.parse(text);
    assert.equal(jsonErrorOffset(text), text.length, text);
  }
});
