// sitemap.xml: a <urlset> of pages or a <sitemapindex> of further sitemaps. Pure.
import { childText, descendantsNamed, localName, parseXml } from "./xml-document.js";

export type Sitemap = { kind: "urlset"; urls: string[] } | { kind: "index"; sitemaps: string[] };

function locs(doc: Document, parent: string, base: string): string[] {
  return descendantsNamed(doc, parent).flatMap((el) => {
    const loc = childText(el, "loc");
    try {
      return loc ? [new URL(loc, base).href] : [];
    } catch {
      return [];
    }
  });
}

export function parseSitemap(text: string, url: string): Sitemap | undefined {
  const doc = parseXml(text);
  const root = doc.documentElement;
  if (!root) return undefined;
  const name = localName(root);
  if (name === "urlset") return { kind: "urlset", urls: locs(doc, "url", url) };
  if (name === "sitemapindex") return { kind: "index", sitemaps: locs(doc, "sitemap", url) };
  return undefined;
}
