import assert from "node:assert/strict";
import { test } from "node:test";
import { detectDelimiter, parseNumericCell, sniffDialect } from "@vigil/data/readers";

test("delimiter: the most consistent candidate; ';' wins over a decimal ',' ", () => {
  assert.equal(detectDelimiter(["a,b,c", "1,2,3", "4,5,6"]), ",");
  assert.equal(detectDelimiter(["a;b", "1,5;2,25", "3,0;4,5"]), ";");
  assert.equal(detectDelimiter(["a\tb", "1\t2"]), "\t");
  assert.equal(detectDelimiter(["a|b|c", "1|2|3"]), "|");
  // Quoted commas do not count: this file has 2 separators per line, not 3.
  assert.equal(detectDelimiter(['t,"x, y",v', '1,"a, b",2', "2,c,3"]), ",");
  assert.equal(detectDelimiter(["1 1 -0.0007  ", "1 2 0.0019  "]), " ");
  assert.equal(detectDelimiter(["112 ", "98 "]), ",");
});

test("header and decimal comma from the sample", () => {
  assert.deepEqual(sniffDialect("x;y\n1,5;2\n3,25;4\n", true), {
    delimiter: ";",
    hasHeader: true,
    decimalComma: true,
  });
  assert.deepEqual(sniffDialect("1,2\n3,4\n", true), {
    delimiter: ",",
    hasHeader: false,
    decimalComma: false,
  });
  assert.deepEqual(sniffDialect("2024-01-01,1\n2024-01-02,2\n", true), {
    delimiter: ",",
    hasHeader: false,
    decimalComma: false,
  });
  // Only the complete lines of a partial sample are used.
  assert.equal(sniffDialect("a;b\n1;2\n3;4\n5;", false).delimiter, ";");
});

test("numeric cells: blanks and NA are missing, booleans are 0/1, text is rejected", () => {
  assert.equal(parseNumericCell("3.5", false), 3.5);
  assert.equal(parseNumericCell("3,5", true), 3.5);
  assert.equal(parseNumericCell("-1e-3", false), -0.001);
  assert.equal(parseNumericCell("0", false), 0);
  for (const missing of ["", "  ", "NA", "nan", "NaN", "null", "None", "N/A"]) {
    assert.ok(Number.isNaN(parseNumericCell(missing, false)), missing);
  }
  assert.equal(parseNumericCell("True", false), 1);
  assert.equal(parseNumericCell("false", false), 0);
  assert.equal(parseNumericCell("x5", false), undefined);
  assert.equal(parseNumericCell("3,5", false), undefined);
});
