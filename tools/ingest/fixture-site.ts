// A news site on 127.0.0.1 (port 0) for the ingest tests and the extraction eval: article pages
// made from BBC articles, RSS and Atom feeds, a sitemap index, robots.txt, and the failures the
// web has (304, 429 with Retry-After, 5xx, slow answers, redirect loops, a 50 MB page, non-HTML
// content, wrong and missing charsets). Every request is recorded.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { articlePage, escapeHtml, type BbcArticle } from "./fixture-pages.js";

export interface FixtureSite {
  origin: string;
  port: number;
  articles: BbcArticle[];
  /** Items of the feeds: article ids, newest first; tests add to it. */
  feedIds: string[];
  /** Every request: method, path, headers. */
  requests: { path: string; headers: IncomingMessage["headers"] }[];
  /** Replace an article's text (an update at the source). */
  update(id: string, article: BbcArticle): void;
  close(): Promise<void>;
}

const CP1252: Record<string, number> = { "€": 0x80, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97, "…": 0x85 };

/** Text as windows-1252 bytes (characters outside it become "?"). */
export function toWindows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.codePointAt(0)!;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      return CP1252[c] ?? 0x3f;
    }),
  );
}

export function rssFeed(site: { origin: string }, items: BbcArticle[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>The Daily Record &amp; Friends</title><link>${site.origin}/</link><description>Top stories</description>
<atom:link href="${site.origin}/feed.rss" rel="self" type="application/rss+xml"/>
${items
  .map(
    (a, i) => `<item><title><![CDATA[${a.title}]]></title><link>${i % 2 ? `${site.origin}/news/${a.id}` : `/news/${a.id}`}</link>
<guid isPermaLink="false">urn:record:${a.id}</guid><dc:creator>Desk &amp; Wires</dc:creator>
<pubDate>Mon, 14 Mar 2005 09:30:00 GMT</pubDate><description>&lt;p&gt;${escapeHtml(a.paragraphs[0]!.slice(0, 120))}&lt;/p&gt;</description></item>`,
  )
  .join("\n")}
</channel></rss>`;
}

export function atomFeed(site: { origin: string }, items: BbcArticle[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${site.origin}/news/">
<title type="html">The Daily Record &amp;amp; Friends</title><id>urn:record</id><updated>2005-03-14T09:30:00Z</updated>
<link rel="self" href="${site.origin}/feed.atom"/>
${items
  .map(
    (a) => `<entry><title type="html">${escapeHtml(escapeHtml(a.title))}</title><id>urn:record:${a.id}</id>
<link rel="alternate" type="text/html" href="${a.id}"/><updated>2005-03-14T09:30:00Z</updated><author><name>Desk</name></author>
<summary>${escapeHtml(a.paragraphs[0]!.slice(0, 80))}</summary></entry>`,
  )
  .join("\n")}
</feed>`;
}

export async function startFixtureSite(articles: BbcArticle[], options: { slowMs?: number } = {}): Promise<FixtureSite> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const requests: FixtureSite["requests"] = [];
  const counters = new Map<string, number>();
  const open = new Set<ServerResponse>();
  let origin = "";
  const site = { origin: "", feedIds: articles.slice(0, 3).map((a) => a.id) };
  const page = (a: BbcArticle, path: string, extra: { canonical?: string; metaCharset?: string } = {}) =>
    articlePage(a, { path, origin, seed: articles.indexOf(a) + 1, metaCharset: "utf-8", ...extra });

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", origin);
    const path = url.pathname;
    requests.push({ path: url.pathname + url.search, headers: req.headers });
    const count = (counters.get(path) ?? 0) + 1;
    counters.set(path, count);
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": type, ...headers });
      res.end(body);
    };
    const html = (body: string) => send(200, "text/html; charset=utf-8", body);
    let m: RegExpExecArray | null;

    if (path === "/robots.txt")
      return send(200, "text/plain", "User-agent: *\nDisallow: /private/\nAllow: /private/open\n\nUser-agent: BadBot\nDisallow: /\n");
    if ((m = /^\/(news|mirror|private)\/([\w-]+)$/.exec(path)) && byId.has(m[2]!)) {
      const a = byId.get(m[2]!)!;
      // /mirror/ is a syndicated copy: the same words under its own canonical URL.
      return html(page(a, `/news/${a.id}`, m[1] === "mirror" ? { canonical: `${origin}/mirror/${a.id}` } : {}));
    }
    if ((m = /^\/etag\/([\w-]+)$/.exec(path)) && byId.has(m[1]!)) {
      const tag = `"v1-${m[1]}"`;
      if (req.headers["if-none-match"] === tag) return send(304, "text/html", "", { etag: tag });
      return send(200, "text/html; charset=utf-8", page(byId.get(m[1]!)!, path), {
        etag: tag,
        "last-modified": "Mon, 14 Mar 2005 09:30:00 GMT",
      });
    }
    if (path === "/feed.rss") {
      const tag = `"feed-${site.feedIds.join(",").length}-${site.feedIds.length}"`;
      if (req.headers["if-none-match"] === tag) return send(304, "application/rss+xml", "", { etag: tag });
      return send(
        200,
        "application/rss+xml; charset=utf-8",
        rssFeed(
          site,
          site.feedIds.map((id) => byId.get(id)!),
        ),
        { etag: tag },
      );
    }
    if (path === "/feed.atom")
      return send(
        200,
        "application/atom+xml",
        atomFeed(
          site,
          site.feedIds.map((id) => byId.get(id)!),
        ),
      );
    if (path === "/broken-feed.xml") return send(200, "application/rss+xml", "<rss><channel><item><title>cut off");
    if (path === "/sitemap-index.xml")
      return send(
        200,
        "application/xml",
        `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${origin}/sitemap-1.xml</loc></sitemap><sitemap><loc>/sitemap-2.xml</loc></sitemap></sitemapindex>`,
      );
    if ((m = /^\/sitemap-(\d)\.xml$/.exec(path))) {
      const half = Math.ceil(articles.length / 2);
      const part = m[1] === "1" ? articles.slice(0, half) : articles.slice(half);
      return send(
        200,
        "application/xml",
        `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${part.map((a) => `<url><loc>${origin}/news/${a.id}</loc><lastmod>2005-03-14</lastmod></url>`).join("")}</urlset>`,
      );
    }
    if (path === "/busy") {
      // 429 with Retry-After the first time, the page after.
      if (count === 1) return send(429, "text/plain", "slow down", { "retry-after": "1" });
      return html(page(articles[0]!, path));
    }
    if (path === "/busy-long") return send(429, "text/plain", "slow down", { "retry-after": "3600" });
    if (path === "/error") return send(503, "text/html", "<h1>Service unavailable</h1>");
    if (path === "/crash") return send(500, "text/html", "<h1>Internal error</h1>");
    if (path === "/slow") {
      const timer = setTimeout(() => html(page(articles[0]!, path)), options.slowMs ?? 5000);
      res.on("close", () => clearTimeout(timer));
      return;
    }
    if (path === "/loop-a") return send(302, "text/plain", "", { location: "/loop-b" });
    if (path === "/loop-b") return send(302, "text/plain", "", { location: `${origin}/loop-a` });
    if ((m = /^\/hop\/(\d+)$/.exec(path))) {
      const n = Number(m[1]);
      return send(301, "text/plain", "", { location: n > 0 ? `/hop/${n - 1}` : `/news/${articles[0]!.id}` });
    }
    if (path === "/to-internal")
      return send(302, "text/plain", "", { location: `http://internal.example:${url.port}/news/${articles[0]!.id}` });
    if (path === "/ftp") return send(302, "text/plain", "", { location: "ftp://files.example/x" });
    if (path === "/huge") {
      // 50 MB of article-like HTML, streamed without a Content-Length.
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      const chunk = Buffer.from(`<p>${"All work and no play makes a very long page. ".repeat(1000)}</p>\n`);
      let sent = 0;
      const pump = () => {
        while (sent < 50_000_000) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => (sent = Infinity));
      return pump();
    }
    if (path === "/image.png") return send(200, "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    if (path === "/report.pdf") return send(200, "application/pdf", "%PDF-1.4\n%âãÏÓ\n");
    if ((m = /^\/charset\/(declared|missing|wrong|latin1-label)\/([\w-]+)$/.exec(path)) && byId.has(m[2]!)) {
      const a = byId.get(m[2]!)!;
      const kind = m[1]!;
      if (kind === "latin1-label")
        return send(200, "text/html; charset=iso-8859-1", Buffer.from(page(a, path, { metaCharset: undefined }), "utf8"));
      const bytes = toWindows1252(page(a, path, { metaCharset: undefined }));
      const type = { declared: "text/html; charset=windows-1252", missing: "text/html", wrong: "text/html; charset=utf-8" }[kind]!;
      return send(200, type, bytes);
    }
    send(404, "text/html", "<h1>Not found</h1>");
  }

  const server = createServer((req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  site.origin = origin;
  return {
    origin,
    port,
    articles,
    get feedIds() {
      return site.feedIds;
    },
    set feedIds(ids) {
      site.feedIds = ids;
    },
    requests,
    update(id, article) {
      byId.set(id, article);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
      }),
  };
}
