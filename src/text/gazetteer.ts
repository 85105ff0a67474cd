import nlp from "compromise";
import { RANKS_AND_TITLES, EXTRA_ORG_HEADS, EXTRA_PLACE_HEADS } from "./name-words.js";

// Word lists that type proper names, built once from the lexicon shipped inside the `compromise`
// npm package (given names, surnames, countries, cities, regions, organisations, and the head
// nouns of organisation and place names), plus the few lists of name-words.ts. Lookups only: no
// tagger runs, so typing a sentence costs microseconds.

export type GazetteerTag =
  | "given-name"
  | "surname"
  | "person"
  | "place"
  | "country"
  | "city"
  | "region"
  | "organisation"
  | "demonym"
  | "org-head"
  | "place-head"
  | "title";

interface Lists {
  words: Map<string, Set<GazetteerTag>>;
}

const FROM_LEXICON: Record<string, GazetteerTag[]> = {
  FirstName: ["given-name"],
  MaleName: ["given-name"],
  FemaleName: ["given-name"],
  LastName: ["surname"],
  Person: ["person"],
  Country: ["place", "country"],
  City: ["place", "city"],
  Region: ["place", "region"],
  Place: ["place"],
  Organization: ["organisation"],
  SportsTeam: ["organisation"],
  Demonym: ["demonym"],
  Honorific: ["title"],
};

let lists: Lists | undefined;

function add(words: Map<string, Set<GazetteerTag>>, word: string, tag: GazetteerTag): void {
  const set = words.get(word) ?? new Set<GazetteerTag>();
  set.add(tag);
  words.set(word, set);
}

function build(): Lists {
  const model = nlp.model() as unknown as {
    one: { lexicon: Record<string, string | string[]> };
    two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> };
  };
  const words = new Map<string, Set<GazetteerTag>>();
  for (const [word, tags] of Object.entries(model.one.lexicon))
    for (const t of ([] as string[]).concat(tags)) {
      for (const tag of FROM_LEXICON[t] ?? []) add(words, word, tag);
    }
  for (const word of Object.keys(model.two.orgWords)) add(words, word, "org-head");
  for (const word of Object.keys(model.two.placeWords)) add(words, word, "place-head");
  for (const word of EXTRA_ORG_HEADS) add(words, word, "org-head");
  for (const word of EXTRA_PLACE_HEADS) add(words, word, "place-head");
  for (const word of RANKS_AND_TITLES) add(words, word, "title");
  return { words };
}

const NONE: ReadonlySet<GazetteerTag> = new Set();

/** What the lists say of a word or a multi-word name ("barack obama", "new york"), case-folded. */
export function gazetteerTags(words: string): ReadonlySet<GazetteerTag> {
  lists ??= build();
  return lists.words.get(words.toLowerCase()) ?? NONE;
}
