import assert from "node:assert/strict";
import { test } from "node:test";
import { element, escapeXml, svgDocument, svgNumber, textElement, titleElement } from "@vigil/core/plot";

test("markup characters are escaped in text and attributes", () => {
  assert.equal(escapeXml(`a < b && c > "d" 'e'`), "a &lt; b &amp;&amp; c &gt; &quot;d&quot; 'e'");
  assert.equal(escapeXml("&amp;"), "&amp;amp;", "already escaped text is escaped again, not trusted");
  assert.equal(textElement({ x: 1 }, "<script>"), '<text x="1">&lt;script&gt;</text>');
  assert.equal(titleElement('say "hi" & bye'), "<title>say &quot;hi&quot; &amp; bye</title>");
  assert.equal(
    element("rect", { fill: 'red" onload="x', stroke: undefined, width: 2.345 }),
    '<rect fill="red&quot; onload=&quot;x" width="2.35"/>',
  );
});

test("numbers are short and never -0; elements nest", () => {
  assert.equal(svgNumber(-0.001), "0");
  assert.equal(svgNumber(12), "12");
  assert.equal(svgNumber(1 / 3), "0.33");
  assert.equal(element("g", { class: "a" }, "<x/>", "<y/>"), '<g class="a"><x/><y/></g>');
});

test("a document is a standalone SVG 1.1 file", () => {
  const svg = svgDocument({ width: 100, height: 50, body: ["<g/>"] });
  assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /viewBox="0 0 100 50"/);
  assert.match(svg, /<g\/>\n<\/svg>\n$/);
});
