// Tokenises text word by word with the tokenizer's own steps (normaliser, pre-tokeniser, model)
// and keeps, for every token, the character range of the original text it came from. The steps
// are the tokenizer's, so nothing is re-implemented that could drift from it (the v4 tokenizer
// splits astral CJK ideographs differently from BERT, for one); an offset can only ever be off
// inside its own word, never shift the words after it. Pure: the caller passes the steps.

export interface CharRange {
  start: number;
  end: number;
}

export interface TokenizerSteps {
  /** The tokenizer's normaliser (identity when it has none). */
  normalize(text: string): string;
  /** Its pre-tokeniser: words that must be substrings of the normalised text, in order. */
  preTokenize(text: string): string[];
  /** Its model on one word: the word's tokens. */
  tokenizeWord(word: string): string[];
  unkToken: string;
  /** Prefix of a word's continuation pieces ("##" for WordPiece). */
  continuingPrefix: string;
}

export interface AlignedTokens {
  tokens: string[];
  offsets: CharRange[];
}

/** The normalised text, with the original range of each of its UTF-16 code units. */
function normalizeWithMap(text: string, normalize: (s: string) => string): { normalized: string; from: CharRange[] } {
  let normalized = "";
  const from: CharRange[] = [];
  let offset = 0;
  for (const cp of text) {
    const start = offset;
    offset += cp.length;
    const n = normalize(cp);
    // A combining mark the normaliser strips still belongs to the letter before it.
    if (n === "" && from.length > 0 && /\p{M}/u.test(cp) && !/\s/u.test(normalized.at(-1) ?? " ")) from[from.length - 1]!.end = offset;
    normalized += n;
    for (let i = 0; i < n.length; i++) from.push({ start, end: offset });
  }
  // Normalising character by character matches normalising the whole text except where case
  // rules look at neighbours (final sigma); same length means same positions, so take the whole.
  const whole = normalize(text);
  return { normalized: whole.length === normalized.length ? whole : normalized, from };
}

export function tokenizeWithOffsets(text: string, steps: TokenizerSteps): AlignedTokens {
  const { normalized, from } = normalizeWithMap(text, steps.normalize);
  const tokens: string[] = [];
  const offsets: CharRange[] = [];
  const range = (a: number, b: number): CharRange => ({ start: from[a]!.start, end: from[b - 1]!.end });
  let cursor = 0;
  for (const word of steps.preTokenize(normalized)) {
    const at = normalized.indexOf(word, cursor);
    if (word === "" || at < 0) throw new Error(`pre-token "${word}" is not a substring of the normalised text`);
    cursor = at + word.length;
    const pieces = steps.tokenizeWord(word);
    let pos = at;
    for (const [i, piece] of pieces.entries()) {
      const body = i > 0 && piece.startsWith(steps.continuingPrefix) ? piece.slice(steps.continuingPrefix.length) : piece;
      tokens.push(piece);
      if (piece !== steps.unkToken && body !== "" && normalized.startsWith(body, pos) && pos + body.length <= cursor) {
        offsets.push(range(pos, pos + body.length));
        pos += body.length;
      } else {
        // An unknown word (or a piece that is not plain text) covers the rest of its word.
        offsets.push(range(Math.min(pos, cursor - 1), cursor));
      }
    }
  }
  return { tokens, offsets };
}
