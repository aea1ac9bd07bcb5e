/**
 * Attribute values of an element: numbers are written with at most two decimals (enough for pixels,
 * small enough for files with many points); `undefined` leaves the attribute out.
 */
export type SvgAttributes = Readonly<Record<string, string | number | undefined>>;

/**
 * Text safe inside an element or a double-quoted attribute. The apostrophe is left alone: every
 * attribute is written in double quotes, and `&#39;` would be a needless character reference.
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A coordinate or size as at most two decimals, never "-0". */
export function svgNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * One element. Attribute values are escaped here; `children` are markup already built by these
 * functions (plain text goes through `textElement` or `escapeXml`). No children: a self-closing tag.
 */
export function element(tag: string, attributes: SvgAttributes, ...children: readonly string[]): string {
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    open += ` ${name}="${typeof value === "number" ? svgNumber(value) : escapeXml(value)}"`;
  }
  return children.length === 0 ? `${open}/>` : `${open}>${children.join("")}</${tag}>`;
}

/** A `<text>` element holding `text`, escaped. */
export function textElement(attributes: SvgAttributes, text: string): string {
  return `${element("text", attributes).slice(0, -2)}>${escapeXml(text)}</text>`;
}

/** A `<title>` (the tooltip of its parent), escaped. */
export function titleElement(text: string): string {
  return `<title>${escapeXml(text)}</title>`;
}

export interface SvgDocumentOptions {
  readonly width: number;
  readonly height: number;
  /** The elements, in painting order (later ones on top). */
  readonly body: readonly string[];
}

/**
 * A self-contained SVG 1.1 file on a white background: no scripts, no external references, so it
 * opens the same in a browser, an image viewer, or a report.
 */
export function svgDocument({ width, height, body }: SvgDocumentOptions): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${svgNumber(width)}" height="${svgNumber(height)}" viewBox="0 0 ${svgNumber(width)} ${svgNumber(height)}" font-family="sans-serif" font-size="11">`,
    element("rect", { width, height, fill: "white" }),
    ...body,
    "</svg>",
    "",
  ].join("\n");
}
