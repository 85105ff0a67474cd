// Page furniture Readability can keep when it sits beside the story: bylines (their words are
// metadata, read separately), share bars, newsletter boxes, cookie banners, ads, related links and
// comments. Removed before Readability by the names sites give them. An element holding the
// headline is never removed, so a container named, say, "has-comments" cannot take the story.

const FURNITURE = new Set([
  "byline",
  "dateline",
  "newsletter",
  "subscribe",
  "signup",
  "share",
  "sharing",
  "social",
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "promo",
  "related",
  "comment",
  "comments",
  "advert",
  "advertisement",
  "ad",
  "ads",
  "sponsor",
  "sponsored",
  "outbrain",
  "taboola",
  "paywall",
]);

const KEEP = new Set(["html", "body", "main", "article"]);

function isFurniture(el: Element): boolean {
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.toLowerCase();
  return names.split(/\s+/).some((token) => token.split(/[-_]/).some((part) => FURNITURE.has(part)));
}

export function stripChrome(document: Document): void {
  for (const el of [...document.querySelectorAll("[class], [id]")]) {
    if (!el.isConnected || KEEP.has(el.localName) || el.querySelector("h1")) continue;
    if (isFurniture(el)) el.remove();
  }
  for (const el of [...document.querySelectorAll("nav, aside, footer, form, button, figcaption, noscript, iframe")]) {
    if (el.isConnected && !el.querySelector("h1")) el.remove();
  }
}
