// A follow-up's answer is not the name it stands for: "where will he compete?" (he = Kim Collins) is
// never answered "Kim Collins", nor "Who led the reception?" (of Haftar) "Field Marshal Haftar". Pure.
import { gazetteerTags } from "../text/gazetteer.js";
import { searchTerms } from "../text/search-terms.js";

/** The search terms of the names a question stands for without typing them. */
export function avoidedTerms(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.flatMap((name) => searchTerms(name)));
}

/** Whether a span says nothing but those names: every search term of it is theirs, once the ranks
 *  and titles before a name ("Field Marshal", "Dr") are left out. */
export function onlyRepeats(span: string, avoided: ReadonlySet<string>): boolean {
  const words = span.split(/\s+/).filter((w) => !gazetteerTags(w.replace(/[^\p{L}]/gu, "")).has("title"));
  const terms = searchTerms(words.join(" "));
  return terms.length > 0 && terms.every((t) => avoided.has(t));
}
