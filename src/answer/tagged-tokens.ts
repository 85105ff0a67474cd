import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

// wink-nlp's small English model (MIT, ships on npm, works offline): parts of speech and
// entities (dates, numbers, money …) for typing candidate answers in lexical mode.

export interface TaggedToken {
  text: string;
  start: number;
  end: number;
  pos: string;
  /** Entity type (DATE, CARDINAL, MONEY, PERCENT …) when the token is inside one. */
  entity?: string;
}

/** A scale glued to a number ("600m", "1.2bn") with the sentence's full stop on it. */
const GLUED_SCALE_WITH_STOP = /^(?:m|bn|mn|k|tn|b)\.$/i;

let nlp: ReturnType<typeof winkNLP> | undefined;

function engine(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model);
  return nlp;
}

/** A number, written in figures or words ("26", "six", "1.2bn"). */
export const isNumericToken = (t: TaggedToken): boolean => t.pos === "NUM" || /\d/.test(t.text);

// wink's tokenizer knows Latin-1 letters but splits a word at any other ("Piłsudski" → "Pi", "ł",
// "sudski"), so a name loses its parts of speech. The tagger reads such letters as their Latin-1
// base ("ł" → "l") or a stand-in of the same case, one code unit for one: offsets are unchanged.
const BEYOND_LATIN1 = /[\u0100-\uffff]/g;
const NOT_DECOMPOSED: Record<string, string> = { ł: "l", Ł: "L", đ: "d", Đ: "D", ı: "i", ħ: "h", Ħ: "H", ŀ: "l", Ŀ: "L", œ: "o", Œ: "O" };

function readableLetter(c: string): string {
  if (!/\p{L}/u.test(c)) return c;
  const base = c.normalize("NFD").replace(/\p{M}+/gu, "");
  if (base.length === 1 && base <= "\u00ff") return base;
  return NOT_DECOMPOSED[c] ?? (c === c.toLowerCase() ? "x" : "X");
}

/** The text as the tagger reads it: letters beyond Latin-1 replaced one for one (see above). */
export function taggerText(text: string): string {
  return text.replace(BEYOND_LATIN1, readableLetter);
}

/** Tokens of `text` with character offsets into it, parts of speech and entity types. */
export function tagTokens(original: string): TaggedToken[] {
  const nlp = engine();
  const its = nlp.its;
  const text = taggerText(original);
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: TaggedToken[] = [];
  // wink token index → ours (-1 for the few contraction pieces with no exact place in the text).
  const ours: number[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    const at = text.indexOf(value, cursor);
    if (at < 0 || at - cursor > 20) {
      ours.push(-1);
      return;
    }
    ours.push(tokens.length);
    tokens.push({ text: original.slice(at, at + value.length), start: at, end: at + value.length, pos: tags[i] ?? "X" });
    cursor = at + value.length;
    // wink reads a sentence-final "£600m." as the abbreviation "m.": the full stop is the sentence's.
    const previous = tokens[tokens.length - 2];
    if (previous?.end === at && /^\d/.test(previous.text) && GLUED_SCALE_WITH_STOP.test(value)) {
      const token = tokens[tokens.length - 1]!;
      token.text = token.text.slice(0, -1);
      token.end--;
      tokens.push({ text: ".", start: token.end, end: token.end + 1, pos: "PUNCT" });
    }
  });
  doc.entities().each((entity: { out(f: unknown): unknown }) => {
    const type = entity.out(its.type) as string;
    const [first, last] = entity.out(its.span) as [number, number];
    for (let i = first; i <= last; i++) {
      const j = ours[i] ?? -1;
      if (j >= 0) tokens[j]!.entity = type;
    }
  });
  return tokens;
}
