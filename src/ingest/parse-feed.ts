// RSS 2.0 (and RSS 1.0/RDF) and Atom to a list of article links, resolved to absolute URLs
// against xml:base and the feed's own URL. Pure.
import { isoDate } from "./dates.js";
import { childText, childrenNamed, descendantsNamed, localName, parseXml } from "./xml-document.js";

export interface FeedItem {
  url: string;
  title?: string;
  published?: string;
  author?: string;
}

export interface Feed {
  format: "rss" | "atom";
  title?: string;
  items: FeedItem[];
}

function resolve(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** A title given as HTML (Atom type="html", CDATA in RSS) reduced to its words. */
function plain(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const out = text
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|apos|#39);/g, (_m, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'" })[e]!)
    .replace(/\s+/g, " ")
    .trim();
  return out || undefined;
}

function xmlBase(el: Element | null, base: string): string {
  const chain: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    const b = e.getAttribute("xml:base");
    if (b) chain.unshift(b);
  }
  return chain.reduce((acc, b) => resolve(b, acc) ?? acc, base);
}

function atomItems(root: Element, feedUrl: string): FeedItem[] {
  return childrenNamed(root, "entry").flatMap((entry) => {
    const links = childrenNamed(entry, "link");
    const link = links.find((l) => (l.getAttribute("rel") ?? "alternate") === "alternate") ?? links[0];
    const url = resolve(link?.getAttribute("href") ?? undefined, xmlBase(entry, feedUrl));
    if (!url) return [];
    const author = childrenNamed(entry, "author")[0];
    return [
      {
        url,
        title: plain(childText(entry, "title")),
        published: isoDate(childText(entry, "published") ?? childText(entry, "updated")),
        author: author ? plain(childText(author, "name")) : undefined,
      },
    ];
  });
}

function rssItems(root: Element, feedUrl: string): FeedItem[] {
  return descendantsNamed(root, "item").flatMap((item) => {
    const guid = childrenNamed(item, "guid")[0];
    const permalink = guid && guid.getAttribute("isPermaLink") !== "false" ? guid.textContent?.trim() : undefined;
    const url = resolve(childText(item, "link") ?? permalink, xmlBase(item, feedUrl));
    if (!url) return [];
    return [
      {
        url,
        title: plain(childText(item, "title")),
        published: isoDate(childText(item, "pubdate") ?? childText(item, "date")),
        author: plain(childText(item, "creator") ?? childText(item, "author")),
      },
    ];
  });
}

/** The feed in `text`, or undefined when it is not RSS or Atom. */
export function parseFeed(text: string, feedUrl: string): Feed | undefined {
  const root = parseXml(text).documentElement;
  if (!root) return undefined;
  const name = localName(root);
  if (name === "feed") return { format: "atom", title: plain(childText(root, "title")), items: atomItems(root, feedUrl) };
  if (name === "rss" || name === "rdf") {
    const channel = childrenNamed(root, "channel")[0];
    return { format: "rss", title: plain(channel ? childText(channel, "title") : undefined), items: rssItems(root, feedUrl) };
  }
  return undefined;
}
