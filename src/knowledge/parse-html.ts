import { createRequire } from "node:module";
import type { ParsedDocument } from "./parse-markdown.js";

type Linkedom = typeof import("linkedom");
type ReadabilityModule = typeof import("@mozilla/readability");

// Loaded on the first HTML file only: the DOM costs a third of a second at start-up.
const require = createRequire(import.meta.url);
let libraries: { parseHTML: Linkedom["parseHTML"]; Readability: ReadabilityModule["Readability"] } | undefined;

function load() {
  libraries ??= {
    parseHTML: (require("linkedom") as Linkedom).parseHTML,
    Readability: (require("@mozilla/readability") as ReadabilityModule).Readability,
  };
  return libraries;
}

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre";

function meta(document: Document, selector: string): string | undefined {
  const value = document.querySelector(selector)?.getAttribute("content") ?? undefined;
  return value?.trim() || undefined;
}

/** A saved web page: Readability keeps the article and drops navigation, ads and scripts. */
export function parseHtml(html: string): ParsedDocument {
  const { parseHTML, Readability } = load();
  const { document } = parseHTML(html);
  const source = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(document, 'meta[property="og:url"]');
  const published = meta(document, 'meta[property="article:published_time"]') ?? meta(document, 'meta[name="date"]');
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content) return { meta: { source: source ?? undefined, published }, body: "" };
  const { document: content } = parseHTML(`<html><body>${article.content}</body></html>`);
  const blocks = [...content.querySelectorAll(BLOCKS)]
    // Nested blocks (a <p> inside a <li>) would be read twice.
    .filter((el) => !el.parentElement?.closest(BLOCKS))
    .map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const body = blocks.length ? blocks.join("\n\n") : (article.textContent ?? "");
  return {
    meta: {
      title: article.title?.trim() || undefined,
      source: source ?? undefined,
      published: published?.slice(0, 10),
      author: article.byline?.trim() || undefined,
    },
    body,
  };
}
