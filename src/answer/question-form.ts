import type { TaggedToken } from "./tagged-tokens.js";

// Where the answer stands in the question's clause: "Who wrote X?" asks for the verb's subject
// (in the article the answer comes before "wrote"), "What did X defeat?" for its object (after
// the verb); other questions ("Who was …", "When did …") have no such lean. Pure.

export type QuestionForm = "subject" | "object" | "other";

const WH = /^(what|which|who|whom|whose)$/i;
const DO_SUPPORT = /^(do|does|did|has|have|had)$/i;

/** From the question's tagged words: the wh-word (with the noun phrase it may lead, "which NFL
 *  team") followed by a verb asks for a subject, by do/has and a subject for an object. */
export function questionForm(tokens: readonly TaggedToken[]): QuestionForm {
  const at = tokens.findIndex((t) => WH.test(t.text));
  if (at < 0) return "other";
  let i = at + 1;
  if (!/^who/i.test(tokens[at]!.text)) while (i < tokens.length && /^(NOUN|PROPN|ADJ|DET|NUM)$/.test(tokens[i]!.pos)) i++;
  const next = tokens[i];
  if (!next) return "other";
  if (next.pos === "VERB") return "subject";
  if (next.pos === "AUX" && DO_SUPPORT.test(next.text)) return "object";
  return "other";
}
