// XML for feeds and sitemaps, through linkedom's DOMParser (already a dependency); loaded on
// first use. Helpers match elements by local name, so `dc:creator` and `creator` both work.
import { createRequire } from "node:module";

type Linkedom = typeof import("linkedom");
const require = createRequire(import.meta.url);
let parser: InstanceType<Linkedom["DOMParser"]> | undefined;

export function parseXml(text: string): Document {
  parser ??= new (require("linkedom") as Linkedom).DOMParser();
  return parser.parseFromString(text, "text/xml") as unknown as Document;
}

export function localName(el: Element): string {
  return (el.localName ?? el.tagName).toLowerCase().replace(/^.*:/, "");
}

export function childrenNamed(el: Element, name: string): Element[] {
  return [...el.children].filter((c) => localName(c) === name);
}

export function childText(el: Element, name: string): string | undefined {
  const text = childrenNamed(el, name)[0]?.textContent?.trim();
  return text || undefined;
}

/** Descendants by local name, in document order. */
export function descendantsNamed(el: Element | Document, name: string): Element[] {
  return [...el.querySelectorAll("*")].filter((c) => localName(c) === name);
}
