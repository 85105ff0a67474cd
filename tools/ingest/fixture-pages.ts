// News pages for the ingest tests and the extraction eval: a BBC article wrapped in the chrome a
// real news site has (navigation, cookie banner, ads, scripts, share buttons, related links,
// newsletter box, comments, footer), in one of several site layouts, with inline markup inside
// paragraphs. Seeded: the same article and seed give the same page.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { createRandom } from "../seeded-random.js";

export interface BbcArticle {
  id: string;
  title: string;
  paragraphs: string[];
}

export function readBbcArticle(dataDir: string, category: string, file: string): BbcArticle {
  const text = readFileSync(path.join(dataDir, "bbc", "articles", category, file), "utf8");
  const [title, ...rest] = text.split(/\n\s*\n/);
  return { id: `${category}-${file.replace(/\.txt$/, "")}`, title: title!.trim(), paragraphs: rest.map((p) => p.trim()).filter(Boolean) };
}

/** `count` articles spread over the five categories, in a fixed order. */
export function bbcSample(dataDir: string, count: number): BbcArticle[] {
  const root = path.join(dataDir, "bbc", "articles");
  const categories = readdirSync(root).sort();
  const lists = categories.map((c) => readdirSync(path.join(root, c)).sort());
  const out: BbcArticle[] = [];
  for (let i = 0; out.length < count; i++) {
    const c = i % categories.length;
    const file = lists[c]![Math.floor(i / categories.length)];
    if (!file) break;
    out.push(readBbcArticle(dataDir, categories[c]!, file));
  }
  return out;
}

export const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const NAV = ["Home", "News", "Sport", "Business", "Technology", "Entertainment & Arts", "Health", "Science", "Weather", "Video"];
const RELATED = [
  "Markets slide as investors weigh rate outlook",
  "Five things we learned from the weekend",
  "Watch: The moment the crowd went silent",
  "Opinion: Why the old rules no longer apply",
  "Live updates: Council vote on new budget",
  "Quiz of the week: How closely were you paying attention?",
];
const COMMENTS = [
  ["darren_k", "This is exactly what I have been saying for years, nobody listens until it is too late."],
  ["MarthaW", "Does anyone know whether this applies outside the capital as well? The article does not say."],
  ["quietobserver", "Typical. Same story every winter and still no plan. Shared with my local councillor."],
  ["Jon P", "Great reporting, thank you. More of this please and fewer celebrity stories."],
];

// An in-story block with no tell-tale class: a sponsored slot and a read-more link, as many CMSs emit.
const UNNAMED_PROMO = `<div class="block-x9"><span>Advertisement</span></div><p><strong>Read more:</strong> <a href="/news/explainer">What the new rules mean for you</a></p>`;

function words(rand: () => number, text: string): string {
  // Inline markup inside a paragraph, as real pages have it: links, bold, emphasis.
  return text
    .split(" ")
    .map((w) => {
      const r = rand();
      const e = escapeHtml(w);
      if (r < 0.02) return `<a href="/news/topics/${encodeURIComponent(w.toLowerCase().replace(/\W/g, ""))}">${e}</a>`;
      if (r < 0.03) return `<strong>${e}</strong>`;
      if (r < 0.04) return `<em>${e}</em>`;
      return e;
    })
    .join(" ");
}

function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export interface PageOptions {
  /** The page's own URL path, e.g. /news/business-001. */
  path: string;
  origin: string;
  seed: number;
  /** Override the canonical link (default: origin + path). */
  canonical?: string;
  published?: string;
  /** Charset named in <meta charset>; none when undefined. */
  metaCharset?: string;
}

const chrome = {
  cookie: () =>
    `<div id="cookie-banner" class="cookie-consent" role="dialog"><p>We use cookies to give you the best online experience. Please let us know if you agree to all of these cookies.</p><button>Yes, I agree</button><button>No, take me to settings</button></div>`,
  nav: () =>
    `<header class="site-header"><a class="logo" href="/">The Daily Record</a><nav class="main-nav"><ul>${NAV.map((n) => `<li><a href="/${slugOf(n)}">${escapeHtml(n)}</a></li>`).join("")}</ul></nav><form class="search" action="/search"><input name="q" placeholder="Search"></form></header>`,
  ad: (n: number) =>
    `<div class="ad-slot advertisement" id="ad-${n}"><span class="ad-label">Advertisement</span><script>window.ads=window.ads||[];ads.push({slot:"ad-${n}",sizes:[[300,250],[728,90]]});</script><iframe src="/ads/frame-${n}.html" width="300" height="250"></iframe></div>`,
  share: () =>
    `<div class="share-tools"><span>Share this article</span><a href="#">Facebook</a><a href="#">Twitter</a><a href="#">Email</a></div>`,
  related: () =>
    `<aside class="related-content"><h2>Related stories</h2><ul>${RELATED.map((r, i) => `<li><a href="/news/related-${i}">${escapeHtml(r)}</a></li>`).join("")}</ul></aside>`,
  newsletter: () =>
    `<div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and get the top stories in your inbox every weekday.</p><input type="email" placeholder="Your email"><button>Subscribe</button></div>`,
  comments: () =>
    `<section id="comments" class="comments"><h2>Comments (${COMMENTS.length})</h2>${COMMENTS.map(([u, c]) => `<div class="comment"><span class="comment-author">${u}</span><p>${escapeHtml(c!)}</p><a href="#" class="reply">Reply</a></div>`).join("")}</section>`,
  footer: () =>
    `<footer class="site-footer"><ul><li><a href="/terms">Terms of Use</a></li><li><a href="/privacy">Privacy Policy</a></li><li><a href="/cookies">Cookies</a></li><li><a href="/contact">Contact us</a></li></ul><p>Copyright 2005 The Daily Record. All rights reserved. We are not responsible for the content of external sites.</p></footer>`,
  scripts: () =>
    `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"}</script><script>(function(){var s=document.createElement("script");s.src="/analytics.js";document.head.appendChild(s);})();</script>`,
};

/** A full HTML page holding the article, in one of four layouts picked by the seed. */
export function articlePage(article: BbcArticle, options: PageOptions): string {
  const rand = createRandom(options.seed);
  const layout = Math.floor(rand() * 4);
  const canonical = options.canonical ?? options.origin + options.path;
  const published = options.published ?? "2005-03-14T09:30:00Z";
  const author = ["Jane Smith", "Rob Jones", "Aisha Patel", "Tom Walker"][Math.floor(rand() * 4)]!;
  const paragraphs = article.paragraphs.map((p) => words(rand, p));
  // Old CMS pages separate paragraphs with <br><br> in one block instead of <p> elements.
  const body =
    layout === 3
      ? `<div class="story-text">${paragraphs.join("<br><br>\n")}</div>`
      : paragraphs
          .map(
            (p, i) =>
              `<p>${p}</p>${i === 1 ? chrome.ad(2) : ""}${i === 3 && layout === 1 ? chrome.share() : ""}${i === 2 && layout === 1 ? UNNAMED_PROMO : ""}`,
          )
          .join("\n");
  const figure = `<figure class="story-image"><img src="/img/${article.id}.jpg" alt=""><figcaption>Picture agency</figcaption></figure>`;
  const byline = `<div class="byline"><span class="author">By ${author}</span> <time datetime="${published}">14 March 2005</time></div>`;
  const main = [
    `<article class="story"><header><h1>${escapeHtml(article.title)}</h1>${byline}</header>`,
    layout === 0 ? figure : "",
    `<div class="story-body">${body}</div>`,
    layout === 2 ? chrome.share() : "",
    `</article>`,
  ].join("\n");
  const head = [
    options.metaCharset ? `<meta charset="${options.metaCharset}">` : "",
    `<title>${escapeHtml(article.title)} - The Daily Record</title>`,
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    `<meta property="og:title" content="${escapeHtml(article.title)}">`,
    `<meta property="article:published_time" content="${published}">`,
    `<meta name="author" content="${author}">`,
    `<link rel="stylesheet" href="/css/site.css"><style>.ad-slot{min-height:250px}</style>`,
    chrome.scripts(),
  ].join("\n");
  const sidebar = `<div class="sidebar">${chrome.ad(1)}${chrome.related()}${layout !== 2 ? chrome.newsletter() : ""}</div>`;
  return `<!DOCTYPE html>
<html lang="en"><head>${head}</head>
<body>
${chrome.cookie()}
${chrome.nav()}
${chrome.ad(0)}
<div class="page"><main id="main-content">
${main}
${layout === 2 ? chrome.newsletter() : ""}
${chrome.comments()}
</main>
${sidebar}</div>
${chrome.footer()}
<script src="/js/app.js"></script>
</body></html>`;
}
