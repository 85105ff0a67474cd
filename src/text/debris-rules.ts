import { hasVerb } from "./has-verb.js";
import { summaryWords } from "./summary-terms.js";

// One set of rules for text that is not prose worth keeping or quoting: scraping leftovers,
// captions, credits, headings, links, cut fragments. Each rule is named; knowledge repair (lines of
// a scraped page) and summaries (sentences to quote) each pick the rules they use, in order. No rule
// names a particular site or article.

export type DebrisRule = (text: string) => boolean;

// ── Lines of a scraped page (knowledge repair): `text` is one trimmed, non-empty line.

const META_TOKEN =
  /^(?:og|twitter|fb|article|meta)[:_-]?(?:image|title|description|url|type|site)|image[-_:]?(?:name|url|alt|caption|src)|\.(?:jpe?g|png|gif|webp)$/i;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;
/** Share, cookie, newsletter and navigation lines: short, never a sentence. */
const BOILERPLATE = new RegExp(
  "^(?:" +
    [
      String.raw`share (?:this|on|via)\b`,
      "share$",
      "tweet$",
      "print$",
      "e-?mail this\\b",
      "whatsapp$",
      String.raw`follow us\b`,
      String.raw`sign up\b`,
      String.raw`subscribe\b`,
      String.raw`click here\b`,
      String.raw`(?:also read|read (?:more|also))\b`,
      String.raw`related(?: (?:articles|topics|stories|content|news))?\s*:?$`,
      String.raw`story continues\b`,
      "advertisement$",
      String.raw`we use cookies\b`,
      String.raw`(?:accept|manage) (?:all )?cookies\b`,
      String.raw`cookie (?:policy|settings|preferences)\b`,
      String.raw`all rights reserved\b`,
      String.raw`copyright\b`,
      "©",
      String.raw`\(?(?:photo|image|picture|file photo)(?: (?:caption|copyright|credit|source))?\s*:`,
      String.raw`(?:image|photo|picture) (?:caption|copyright|credit|source)\b`,
      String.raw`getty images\)?$`,
      String.raw`(?:last )?(?:published|updated)\s*:`,
    ].join("|") +
    ")",
  "i",
);
const LINE_SENTENCE_END = /[.!?:;]["'”’)\]]*$/u;
const FULL_STOP = /[.!?]["'”’)\]]*$/u;
const CONNECTORS = new Set(["of", "and", "the", "for", "in", "on", "at", "de", "&", "-", "–"]);
const MAX_BOILERPLATE_WORDS = 12;
const MAX_CAPTION_WORDS = 12;

// ── Sentences to quote (summaries): `text` is one sentence as split.

const MIN_WORDS = 4;
// A heading or caption rarely ends with sentence punctuation; a real sentence that long does.
const UNPUNCTUATED_MAX_WORDS = 15;
const ENDS_LIKE_SENTENCE = /[.!?]["'”’)\]]*$/u;
// "Photo: Reuters", "(Image credit – AFP)": a label word, then a colon, bar or dash soon after.
const CAPTION_LABEL =
  /^[([]?(photo|photograph|picture|image|video|graphic|illustration|caption|credit|source|file photo|copyright|related|watch|listen)\b[^.!?:]{0,30}?\s?[:|–—]/iu;
// Calls to action around an article body.
const CALL_TO_ACTION = /^(click|tap|subscribe|sign up|read more|see also|share this|follow us|advertisement|sponsored content)\b/iu;
const LINK = /(https?:\/\/|www\.|\S+@\S+\.\w+)/iu;
const MAX_LINK_WORDS = 10;
const MIN_LOWERCASE_SHARE = 0.5;

/** Share of alphabetic words that start with a lower-case letter. */
function lowercaseShare(text: string): number {
  const alpha = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (alpha.length === 0) return 0;
  return alpha.filter((w) => /^\p{Ll}/u.test(w)).length / alpha.length;
}

export const DEBRIS_RULES = {
  /** A page-metadata token or image file name standing alone ("ogimageimage-name", "hero.jpg"). */
  "meta-token": (text) => !/\s/.test(text) && META_TOKEN.test(text),
  /** A bare URL standing alone. */
  "bare-url": (text) => !/\s/.test(text) && URL_ONLY.test(text),
  /** Share, cookie, newsletter, credit and date-line boilerplate: short and without a full stop. */
  boilerplate: (text) => text.split(/\s+/).length <= MAX_BOILERPLATE_WORDS && BOILERPLATE.test(text) && !FULL_STOP.test(text),
  /** A caption or credit line: short, no sentence ending, every word capitalised or a connector. */
  "caption-line": (text) => {
    if (!text || LINE_SENTENCE_END.test(text)) return false;
    const words = text.split(/\s+/);
    if (words.length > MAX_CAPTION_WORDS) return false;
    return words.every((w) => CONNECTORS.has(w.toLowerCase()) || /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(w));
  },
  /** Fewer words than any sentence worth quoting. */
  "too-short": (text) => summaryWords(text).length < MIN_WORDS,
  /** No lower-case letter at all: a heading or a shouted label. */
  "no-lowercase": (text) => !/\p{Ll}/u.test(text),
  /** Short and not ending like a sentence: a heading or a caption. */
  unpunctuated: (text) => !ENDS_LIKE_SENTENCE.test(text) && summaryWords(text).length <= UNPUNCTUATED_MAX_WORDS,
  /** Opens with a caption label ("Photo:") or a call to action ("Click", "Subscribe"). */
  label: (text) => CAPTION_LABEL.test(text) || CALL_TO_ACTION.test(text),
  /** A short line carrying a link or an e-mail address. */
  link: (text) => LINK.test(text) && summaryWords(text).length <= MAX_LINK_WORDS,
  // Captions, line-ups and result lines are mostly names and numbers with no verb. The tagger
  // misses some verbs ("the jobless total rose"), so prose with plenty of lower-case words stays.
  /** Mostly capitalised words and no verb: a line-up, a result line, a caption. */
  "no-verb": (text) => lowercaseShare(text) < MIN_LOWERCASE_SHARE && !hasVerb(text),
} satisfies Record<string, DebrisRule>;

export type DebrisRuleName = keyof typeof DEBRIS_RULES;

/** The first of `rules` (in the order given) that calls `text` debris, or null when none does. */
export function firstDebrisRule<R extends DebrisRuleName>(text: string, rules: readonly R[]): R | null {
  for (const name of rules) if (DEBRIS_RULES[name](text)) return name;
  return null;
}

/**
 * Prose: ends like a sentence, is long enough to be a paragraph rather than a list item, and is
 * not a list of names (a team sheet ends with a full stop too). Repair drops captions only after it.
 */
export function isProseLine(text: string): boolean {
  const words = text.split(/\s+/);
  const lower = words.filter((w) => /^[^\p{L}\p{N}]*\p{Ll}/u.test(w)).length;
  return LINE_SENTENCE_END.test(text) && words.length >= 15 && lower / words.length >= 0.4;
}
