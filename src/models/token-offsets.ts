// Maps WordPiece tokens back to character offsets in the original text. The v4 tokenizer gives no
// offsets, so this replays BertNormalizer per character (clean-up, CJK spacing, lowercase, accent
// stripping), remembering where each normalised character came from, and walks the tokens over it.
// Pure: the caller passes the tokens the real tokenizer produced.

export interface NormalizerSettings {
  lowercase: boolean;
  stripAccents: boolean;
}

export interface CharRange {
  start: number;
  end: number;
}

interface NormalizedChar extends CharRange {
  ch: string;
}

const PUNCTUATION = /[\p{P}\u0021-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007E]/u;
const WHITESPACE = /^\s$/u;

function isControl(ch: string): boolean {
  if (ch === "\t" || ch === "\n" || ch === "\r") return false;
  return /^[\p{Cc}\p{Cf}\p{Co}\p{Cs}]$/u.test(ch);
}

function isChinese(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2ebef) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

function normalizeChars(text: string, settings: NormalizerSettings): NormalizedChar[] {
  const out: NormalizedChar[] = [];
  let offset = 0;
  for (const cp of text) {
    const start = offset;
    offset += cp.length;
    const code = cp.codePointAt(0)!;
    if (code === 0 || code === 0xfffd || isControl(cp)) continue;
    let n = WHITESPACE.test(cp) ? " " : cp;
    if (isChinese(code)) n = ` ${n} `;
    if (settings.lowercase) n = n.toLowerCase();
    if (settings.stripAccents) n = n.normalize("NFD").replace(/\p{Mn}/gu, "");
    // A combining mark stripped with the accents still belongs to the letter before it.
    if (n === "" && out.length > 0 && /\p{Mn}/u.test(cp)) out[out.length - 1]!.end = offset;
    for (const ch of n) out.push({ ch, start, end: offset });
  }
  return out;
}

/**
 * One character range per token, into `text`. Pieces are matched by length after skipping
 * whitespace; an unknown token covers a whole pre-token (a punctuation mark, or a run of
 * non-space, non-punctuation characters), as WordPiece emits one [UNK] per failed word.
 */
export function alignTokens(text: string, tokens: string[], settings: NormalizerSettings, unkToken = "[UNK]", prefix = "##"): CharRange[] {
  const chars = normalizeChars(text, settings);
  const isSpace = (i: number) => chars[i]!.ch === " " || WHITESPACE.test(chars[i]!.ch);
  const isPunct = (i: number) => PUNCTUATION.test(chars[i]!.ch);
  let p = 0;
  return tokens.map((token) => {
    while (p < chars.length && isSpace(p)) p++;
    if (p >= chars.length) return { start: text.length, end: text.length };
    const first = p;
    if (token === unkToken) {
      if (isPunct(p)) p++;
      else while (p < chars.length && !isSpace(p) && !isPunct(p)) p++;
    } else {
      const piece = token.startsWith(prefix) && token.length > prefix.length ? token.slice(prefix.length) : token;
      p = Math.min(chars.length, p + [...piece].length);
    }
    return { start: chars[first]!.start, end: chars[p - 1]!.end };
  });
}

/** What the tokenizer's normalizer does, from its tokenizer_config.json (the public `tokenizer.config`;
 *  BERT conventions: accents are stripped when unset and the text is lowercased). */
export function normalizerSettingsOf(tokenizerConfig: unknown): NormalizerSettings {
  const c = (tokenizerConfig ?? {}) as { do_lower_case?: boolean | null; strip_accents?: boolean | null };
  const lowercase = c.do_lower_case ?? false;
  return { lowercase, stripAccents: c.strip_accents ?? lowercase };
}
