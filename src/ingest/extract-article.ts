// A fetched HTML page to an article: Mozilla Readability finds the body and drops the chrome
// (navigation, ads, scripts, comments, related links); the page's own metadata gives the title,
// canonical URL, date and author. Pure apart from the DOM library.
import { createRequire } from "node:module";
import { isoDate } from "./dates.js";
import { stripChrome } from "./strip-chrome.js";

type Linkedom = typeof import("linkedom");
type ReadabilityModule = typeof import("@mozilla/readability");
const require = createRequire(import.meta.url);
let libraries: { parseHTML: Linkedom["parseHTML"]; Readability: ReadabilityModule["Readability"] } | undefined;
const load = () =>
  (libraries ??= {
    parseHTML: (require("linkedom") as Linkedom).parseHTML,
    Readability: (require("@mozilla/readability") as ReadabilityModule).Readability,
  });

export interface ExtractedArticle {
  kind: "article";
  title: string;
  /** The page's canonical URL when it names one on the same site, else the URL fetched. */
  url: string;
  published?: string;
  author?: string;
  paragraphs: string[];
}

export type Extraction = ExtractedArticle | { kind: "not-article"; reason: string };

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre";
/** Fewer words than this is a listing, an error page or a stub, not an article. */
const MIN_WORDS = 30;

function meta(document: Document, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The last two labels of a host (three under a short second level such as co.uk). */
function site(host: string): string {
  const labels = host.toLowerCase().split(".");
  const keep = labels.length > 2 && labels.at(-2)!.length <= 3 && labels.at(-1)!.length === 2 ? 3 : 2;
  return labels.slice(-keep).join(".");
}

/** A canonical link is trusted only within the page's own site: a page must not be able to
 *  claim (and overwrite) another site's article. */
export function canonicalUrl(href: string | undefined, pageUrl: string): string {
  if (!href) return pageUrl;
  try {
    const canonical = new URL(href.trim(), pageUrl);
    const page = new URL(pageUrl);
    if (!/^https?:$/.test(canonical.protocol) || site(canonical.hostname) !== site(page.hostname)) return pageUrl;
    canonical.hash = "";
    return canonical.href;
  } catch {
    return pageUrl;
  }
}

function blockText(el: Element): string {
  // <br> has no text: without this the words either side of it would be glued together.
  for (const br of [...el.querySelectorAll("br")]) br.replaceWith(el.ownerDocument.createTextNode(" "));
  return (el.textContent ?? "").replace(/\s+/g, " ").trim();
}

const normal = (s: string) => s.toLowerCase().replace(/\W+/g, " ").trim();

export function extractArticle(html: string, pageUrl: string): Extraction {
  const { parseHTML, Readability } = load();
  const { document } = parseHTML(html);
  const canonical = canonicalUrl(
    document.querySelector('link[rel~="canonical"]')?.getAttribute("href") ?? meta(document, 'meta[property="og:url"]'),
    pageUrl,
  );
  const published = isoDate(
    meta(document, 'meta[property="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="date"]') ??
      document.querySelector("time[datetime]")?.getAttribute("datetime") ??
      undefined,
  );
  const metaTitle = meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]');
  const metaAuthor = meta(document, 'meta[name="author"]', 'meta[property="article:author"]');
  const h1 = document.querySelector("h1")?.textContent?.replace(/\s+/g, " ").trim();
  stripChrome(document as unknown as Document);
  const parsed = new Readability(document as unknown as Document).parse();
  if (!parsed?.content) return { kind: "not-article", reason: "no article text found" };
  const { document: content } = parseHTML(`<html><body>${parsed.content}</body></html>`);
  const title = (metaTitle ?? h1 ?? parsed.title ?? "").replace(/\s+/g, " ").trim();
  const paragraphs = [...content.querySelectorAll(BLOCKS)]
    // Nested blocks (a <p> inside a <li>) would be read twice.
    .filter((el) => !el.parentElement?.closest(BLOCKS))
    .map((el) => blockText(el as unknown as Element))
    .filter(Boolean);
  // Readability sometimes keeps the headline; it is the title, not a paragraph.
  while (paragraphs.length && title && normal(paragraphs[0]!) === normal(title)) paragraphs.shift();
  const words = paragraphs.join(" ").split(/\s+/).filter(Boolean).length;
  if (words < MIN_WORDS) return { kind: "not-article", reason: `only ${words} words of article text found` };
  if (!title) return { kind: "not-article", reason: "no title found" };
  return {
    kind: "article",
    title,
    url: canonical,
    published,
    author: (parsed.byline ?? metaAuthor)?.replace(/^by\s+/i, "").trim() || undefined,
    paragraphs,
  };
}
