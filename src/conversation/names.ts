import { tagTokens, type TaggedToken } from "../answer/tagged-tokens.js";

// Short pieces that sit inside one name: "Commander-in-Chief", "Bank of England", "Abu al-Qasim".
const CONNECTOR = /^(-|of|al|el|de|da|del|von|van|bin|ibn)$/i;
// Dates are tagged as proper nouns too ("Monday"), but nobody is called "he" after one.
// "iPod", "eBay": a lower-case start is a name when a capital follows.
export const isName = (t: TaggedToken | undefined): boolean =>
  t?.pos === "PROPN" && /^(\p{Lu}|\p{Ll}+\p{Lu})/u.test(t.text) && t.entity !== "DATE" && t.entity !== "TIME";

/** Runs of capitalised proper nouns, in text order, as they are written. */
export function properNames(text: string, tokens: TaggedToken[] = tagTokens(text)): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isName(tokens[i])) {
      i++;
      continue;
    }
    const first = i;
    let last = i;
    let j = i + 1;
    while (j < tokens.length) {
      if (isName(tokens[j])) last = j++;
      else if (CONNECTOR.test(tokens[j]!.text) || (tokens[j]!.text === "in" && tokens[j - 1]!.text === "-")) j++;
      else break;
    }
    names.push(text.slice(tokens[first]!.start, tokens[last]!.end));
    i = last + 1;
  }
  return names;
}

/** The longest name first, then text order: the fullest way the text names its subject. */
export function byFullness(names: string[]): string[] {
  return [...new Set(names)].sort((a, b) => b.split(/[\s-]+/).length - a.split(/[\s-]+/).length);
}
