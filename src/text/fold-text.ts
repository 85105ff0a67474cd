// Case- and accent-insensitive text for lookups by what somebody typed. Pure.

// Letters that Unicode decomposition leaves whole but people type without their mark.
const LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };
const SPECIAL = /[ßæœøłđðþı]/g;
// Most titles are plain ASCII: they skip the Unicode work (a title index folds every title).
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, accents removed ("Côte" → "cote"); everything else kept. */
export function foldCase(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(SPECIAL, (c) => LETTERS[c] ?? c);
}

/** foldCase, then words only: apostrophes dropped ("don't" → "dont"), other punctuation a space. */
export function foldWords(text: string): string {
  const folded = foldCase(text).replace(/['’ʼ]/g, "");
  const spaced = ASCII.test(folded) ? folded.replace(/[^a-z0-9]+/g, " ") : folded.replace(/[^\p{L}\p{N}]+/gu, " ");
  return spaced.trim();
}
