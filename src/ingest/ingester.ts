// URL in, knowledge files out: an article page is extracted and stored; a sitemap (or index)
// and a feed lead to their article pages. Every failure is a value naming the URL and reason,
// logged once as one line; one bad URL never stops the others.
import type { Logger } from "../log.js";
import { classify } from "./classify.js";
import { decodeBody } from "./charset.js";
import { extractArticle } from "./extract-article.js";
import type { Fetcher } from "./fetcher.js";
import { parseFeed, type FeedItem } from "./parse-feed.js";
import { parseSitemap } from "./parse-sitemap.js";
import type { FetchResult } from "./safe-fetch.js";
import type { ArticleStore, SaveOutcome } from "./store.js";
import type { Validator, Validators } from "./validators.js";

export type IngestOutcome = SaveOutcome | { kind: "not-modified"; url: string } | { kind: "failed"; url: string; reason: string };

export type FeedFetch =
  | { kind: "feed"; title?: string; items: FeedItem[]; validator: Validator }
  | { kind: "not-modified" }
  | { kind: "failed"; url: string; reason: string };

export interface Ingester {
  /** An article page, a sitemap or sitemap index, or a feed: every article it leads to. */
  ingest(url: string): Promise<IngestOutcome[]>;
  /** One article page. */
  article(url: string): Promise<IngestOutcome>;
  /** A feed's items, or not-modified when `validator` still holds. */
  feed(url: string, validator?: Validator): Promise<FeedFetch>;
  /** Keeps the HTTP validators for the next run. */
  flush(): Promise<void>;
}

export interface IngesterDeps {
  fetcher: Fetcher;
  store: ArticleStore;
  validators: Validators;
  logger: Logger;
  sitemapLimit: number;
}

const XML_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
const MAX_SITEMAP_DEPTH = 2;

type Failed = Extract<IngestOutcome, { kind: "failed" }>;

export function createIngester(deps: IngesterDeps): Ingester {
  const { fetcher, store, validators, logger } = deps;
  const failed = (url: string, reason: string): Failed => {
    logger.warn(`ingest failed: ${url}: ${reason}`, { url, reason });
    return { kind: "failed", url, reason };
  };

  async function saveArticle(url: string, fetched: Extract<FetchResult, { kind: "ok" }>, text: string): Promise<IngestOutcome> {
    const extracted = extractArticle(text, fetched.url);
    if (extracted.kind === "not-article") return failed(url, extracted.reason);
    try {
      const saved = await store.save(extracted);
      validators.set(url, { etag: fetched.etag, lastModified: fetched.lastModified, canonical: extracted.url });
      if (saved.kind === "added" || saved.kind === "updated") logger.info(`ingested ${saved.kind}: ${saved.url}`, { file: saved.file });
      return saved;
    } catch (error) {
      return failed(url, `cannot write the article: ${(error as Error).message}`);
    }
  }

  async function article(url: string): Promise<IngestOutcome> {
    const known = validators.get(url);
    // Conditional only while the stored copy exists, or a 304 would leave the story missing.
    const conditional = known?.canonical && store.has(known.canonical) ? known : {};
    const fetched = await fetcher.get({ url, etag: conditional.etag, lastModified: conditional.lastModified });
    if (fetched.kind === "failed") return failed(url, fetched.reason);
    if (fetched.kind === "not-modified") return { kind: "not-modified", url };
    const { text } = decodeBody(fetched.body, fetched.contentType);
    if (classify(fetched.contentType, text) !== "html")
      return failed(url, `not an HTML page (${fetched.contentType || "no content type"})`);
    return saveArticle(url, fetched, text);
  }

  async function each(urls: string[]): Promise<IngestOutcome[]> {
    const out: IngestOutcome[] = [];
    for (const url of urls) out.push(await article(url));
    return out;
  }

  async function sitemapUrls(url: string, text: string, depth: number, budget: { left: number }): Promise<string[] | Failed> {
    const sitemap = parseSitemap(text, url);
    if (!sitemap) return failed(url, "not a sitemap");
    if (sitemap.kind === "urlset") {
      const urls = sitemap.urls.slice(0, budget.left);
      budget.left -= urls.length;
      return urls;
    }
    if (depth >= MAX_SITEMAP_DEPTH) return failed(url, "sitemap indexes nested too deep");
    const urls: string[] = [];
    for (const child of sitemap.sitemaps) {
      if (budget.left <= 0) break;
      const fetched = await fetcher.get({ url: child, accept: XML_ACCEPT });
      if (fetched.kind !== "ok") {
        if (fetched.kind === "failed") failed(child, fetched.reason);
        continue;
      }
      const found = await sitemapUrls(child, decodeBody(fetched.body, fetched.contentType).text, depth + 1, budget);
      if (Array.isArray(found)) urls.push(...found);
    }
    return urls;
  }

  return {
    article,
    async ingest(url) {
      const fetched = await fetcher.get({ url });
      if (fetched.kind === "failed") return [failed(url, fetched.reason)];
      if (fetched.kind === "not-modified") return [{ kind: "not-modified", url }];
      const { text } = decodeBody(fetched.body, fetched.contentType);
      const kind = classify(fetched.contentType, text);
      if (kind === "html") return [await saveArticle(url, fetched, text)];
      if (kind === "other") return [failed(url, `not a page, feed or sitemap (${fetched.contentType || "no content type"})`)];
      const feed = parseFeed(text, fetched.url);
      if (feed) return feed.items.length ? each(feed.items.map((i) => i.url)) : [failed(url, `the ${feed.format} feed lists no articles`)];
      const urls = await sitemapUrls(fetched.url, text, 0, { left: deps.sitemapLimit });
      if (Array.isArray(urls) && !urls.length) return [failed(url, "the sitemap lists no pages")];
      return Array.isArray(urls) ? each(urls) : [urls];
    },
    async feed(url, validator) {
      const fetched = await fetcher.get({ url, accept: XML_ACCEPT, etag: validator?.etag, lastModified: validator?.lastModified });
      if (fetched.kind === "failed") return failed(url, fetched.reason);
      if (fetched.kind === "not-modified") return { kind: "not-modified" };
      const feed = parseFeed(decodeBody(fetched.body, fetched.contentType).text, fetched.url);
      if (!feed) return failed(url, "not an RSS or Atom feed");
      return { kind: "feed", title: feed.title, items: feed.items, validator: { etag: fetched.etag, lastModified: fetched.lastModified } };
    },
    flush: () => validators.save(),
  };
}
