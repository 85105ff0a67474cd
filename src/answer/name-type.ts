import { gazetteerTags, type GazetteerTag } from "../text/index.js";
import type { TaggedToken } from "./tagged-tokens.js";

// What a proper name is: a person, a place, an organisation, a role ("Commander-in-Chief of the
// Armed Forces", titles with no name), or unknown. From the gazetteer's word lists, by the
// name's head word first (the "University" of "University of Chicago", the "Airbase" of "Noor
// Khan Airbase"), then by its words. Pure but for the lists it reads.

export type NameType = "person" | "place" | "org" | "role" | "proper";

const has = (tags: ReadonlySet<GazetteerTag>, ...wanted: GazetteerTag[]) => wanted.some((t) => tags.has(t));
const isWord = (t: TaggedToken) => /^\p{L}/u.test(t.text);

/** The type of the name spanning tokens[first..last]. */
export function nameType(tokens: readonly TaggedToken[], first: number, last: number): NameType {
  const words = tokens.slice(first, last + 1).filter(isWord);
  if (words.length === 0) return "proper";
  const whole = gazetteerTags(words.map((w) => w.text).join(" "));
  if (has(whole, "organisation")) return "org";
  if (has(whole, "place")) return "place";
  if (has(whole, "person")) return "person";
  // The head: the last word before "of" ("Bank of England"), else the last word.
  const of = words.findIndex((w, i) => i > 0 && w.text.toLowerCase() === "of");
  const head = gazetteerTags(words[of > 0 ? of - 1 : words.length - 1]!.text);
  if (has(head, "org-head")) return "org";
  if (has(head, "place-head") && !has(head, "given-name", "surname")) return "place";
  const tags = words.map((w) => gazetteerTags(w.text));
  if (tags.some((t) => has(t, "organisation"))) return "org";
  // Leading titles ("Deputy Commander-in-Chief Lieutenant General …"; "in" joins a title's parts).
  let titles = 0;
  while (titles < words.length && (has(tags[titles]!, "title") || (titles > 0 && words[titles]!.text === "in"))) titles++;
  const afterTitles = words[titles];
  if (titles > 0) {
    // Titles then a capitalised word name a person; titles then "of", or nothing, name a role.
    if (!afterTitles || afterTitles.text.toLowerCase() === "of") return "role";
    if (/^\p{Lu}/u.test(afterTitles.text)) return "person";
  }
  if (tags.some((t) => has(t, "given-name", "person"))) return "person";
  if (tags.every((t, i) => !/^\p{Lu}/u.test(words[i]!.text) || has(t, "place"))) return "place";
  if (tags.some((t) => has(t, "place")) && !tags.some((t) => has(t, "surname"))) return "place";
  if (words.length >= 2 && has(tags[words.length - 1]!, "surname")) return "person";
  return "proper";
}
