// Article text shown inside Discord markdown: escaped so it renders as written. Pure.
import { escapeMarkdown } from "discord.js";

export function plain(text: string): string {
  // Headings and block quotes only act at line starts; the rest is what escapeMarkdown covers.
  return escapeMarkdown(text).replace(/^(#{1,3} |> |-# )/gm, "\\$1");
}

/** A quote line-by-line in Discord's block quote, with the answer span bold and underlined. */
export function markedQuote(quote: string, start: number, end: number): string {
  const before = plain(quote.slice(0, start));
  const answer = quote.slice(start, end).trim();
  const after = plain(quote.slice(end));
  const marked = answer ? `${before}__**${plain(answer)}**__${after}` : plain(quote);
  return marked
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

export function link(text: string, url: string | null | undefined): string {
  const label = plain(text).replace(/[[\]]/g, "");
  return url && /^https?:\/\//.test(url) ? `[${label}](${url.replace(/\)/g, "%29")})` : label;
}
