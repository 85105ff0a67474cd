import winkNLP, { type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

// wink's small English model tags parts of speech offline in about a millisecond a sentence.
// Loaded once, on first use (~100 ms), so nothing pays for it unless it summarises.
let nlp: WinkMethods | undefined;

/** True when the text has a verb or an auxiliary: a clause rather than a caption or a heading. */
export function hasVerb(text: string): boolean {
  nlp ??= winkNLP(model);
  const tags = nlp.readDoc(text).tokens().out(nlp.its.pos) as string[];
  return tags.some((t) => t === "VERB" || t === "AUX");
}
