import type { PassageBoost } from "../retrieval/retrieve.js";
import type { ConversationTurn } from "./turn.js";

export interface LeanFactors {
  /** Multiplier for passages of an article the conversation cited. */
  article: number;
  /** Further multiplier for the last cited paragraph and the ones either side of it. */
  paragraph: number;
}

/** How retrieval leans towards what the conversation has been reading: its cited articles, and
 *  most towards the neighbourhood of the last citation. */
export function leanTowards(turns: readonly ConversationTurn[], factors: LeanFactors): PassageBoost | undefined {
  const articles = new Set(turns.flatMap((t) => (t.articleId ? [t.articleId] : [])));
  if (!articles.size) return undefined;
  const last = [...turns].reverse().find((t) => t.articleId && t.paragraph !== null);
  return ({ articleId, paragraph }) => {
    if (!articles.has(articleId)) return 1;
    const near = last && last.articleId === articleId && Math.abs(paragraph - last.paragraph!) <= 1;
    return factors.article * (near ? factors.paragraph : 1);
  };
}
