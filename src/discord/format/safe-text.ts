// Text that reaches Discord from outside (questions, topics, ids, article text) with the characters
// that can disguise or break a reply taken out: C0/C1 controls (NUL, BEL, ESC …), bidi overrides
// and isolates (U+202E …) and zero-width characters. Applied to every reply body. Pure.
import type { ReplyBody } from "./reply-body.js";

// Tab and newline stay in text; everything else below U+0020, DEL and the C1 block goes.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// LRM/RLM, ALM, embeddings and overrides (U+202A–202E), isolates (U+2066–2069).
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Zero-width space, non-joiner, joiner, word joiner, invisible operators, BOM, soft hyphen.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060-\u2064\uFEFF]/g;

/** `text` without controls, bidi formatting or invisible characters; \r\n and \r become \n. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROLS, "").replace(BIDI, "").replace(INVISIBLE, "");
}

/** One line: cleaned, with runs of whitespace (newlines too) squeezed to one space. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, " ").trim();
}

/**
 * `text` as an inline code span that nothing inside can end early: Discord has no escape inside
 * code, so a backtick is shown as the look-alike ˋ (U+02CB).
 */
export function codeSpan(text: string): string {
  const inner = cleanLine(text).replace(/`/g, "\u02CB");
  return `\`${inner || " "}\``;
}

const line = (s: string | undefined) => (s === undefined ? s : cleanLine(s) || "-");
const block = (s: string | undefined) => (s === undefined ? s : cleanText(s));

/** Every visible string of a reply cleaned; ids, urls and structure untouched. */
export function safeBody(body: ReplyBody): ReplyBody {
  return {
    ...body,
    ...(body.content !== undefined ? { content: block(body.content) } : {}),
    embeds: body.embeds.map((e) => ({
      ...e,
      ...(e.title !== undefined ? { title: line(e.title) } : {}),
      ...(e.description !== undefined ? { description: block(e.description) } : {}),
      ...(e.author ? { author: { ...e.author, name: line(e.author.name)! } } : {}),
      ...(e.footer ? { footer: { ...e.footer, text: line(e.footer.text)! } } : {}),
      ...(e.fields ? { fields: e.fields.map((f) => ({ ...f, name: line(f.name)!, value: block(f.value) || "-" })) } : {}),
    })),
    components: body.components.map((row) => ({
      ...row,
      components: row.components.map((b) => ({ ...b, ...(b.label !== undefined ? { label: line(b.label) } : {}) })),
    })),
  };
}
