// A follow-up's answer is not the name it stands for: "where will he compete?" (he = Kim Collins) is
// never answered "Kim Collins". Pure.
import { searchTerms } from "../text/search-terms.js";

/** The search terms of the names a question stands for without typing them. */
export function avoidedTerms(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.flatMap((name) => searchTerms(name)));
}

/** Whether a span says nothing but those names: every search term of it is theirs. */
export function onlyRepeats(span: string, avoided: ReadonlySet<string>): boolean {
  const terms = searchTerms(span);
  return terms.length > 0 && terms.every((t) => avoided.has(t));
}
