import assert from "node:assert/strict";

/**
 * Asserts that an XML document (an SVG chart, a report) is well formed enough for a browser: every element
 * closed, in order, and no stray "<" or "&" in attributes or text. Shared by the tests of every package
 * that writes XML (import it by relative path).
 */
export function assertWellFormedXml(text: string): void {
  const stack: string[] = [];
  const body = text.replace(/^<\?xml[^>]*\?>/, "");
  for (const [, closing, name, attributes, selfClosing] of body.matchAll(
    /<(\/?)([A-Za-z][\w:-]*)([^>]*?)(\/?)>/g,
  )) {
    assert.ok(!/[<&](?!amp;|lt;|gt;|quot;)/.test(attributes!), `unescaped attribute in <${name}>`);
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else stack.push(name!);
  }
  assert.deepEqual(stack, [], "every element is closed");
  assert.ok(!/&(?!amp;|lt;|gt;|quot;)/.test(body.replace(/<[^>]*>/g, "")), "text is escaped");
}
