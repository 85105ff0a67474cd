import type { SearchIndex } from "../search/search-index.js";
import type { DenseSearch } from "../retrieval/retrieve.js";
import type { Answer, Embedder, Reader } from "../types.js";
import { cite, nearestOf } from "./cite.js";
import { normaliseQuestion } from "./question.js";
import { retrieve } from "../retrieval/retrieve.js";
import { ANSWER_DEFAULTS } from "./answer-defaults.js";

export interface AskDependencies {
  index: SearchIndex;
  reader: Reader;
  /** Present in model mode, with `dense` over passage vectors of the same model. */
  embedder?: Embedder;
  dense?: DenseSearch;
  /** Answers whose score is below this are "not found" (calibrated per reader on SQuAD 2.0). */
  threshold: number;
  /** Passages handed to the reader. */
  passages?: number;
  /** Passages listed as nearest. */
  nearest?: number;
}

/** Question → cited answer, or an honest "not found" with the nearest passages. */
export async function ask(deps: AskDependencies, rawQuestion: string): Promise<Answer> {
  const question = normaliseQuestion(rawQuestion);
  const queryVector = deps.embedder && deps.dense ? (await deps.embedder.embed([question], "query"))[0] : undefined;
  const passages = deps.passages ?? ANSWER_DEFAULTS.passages;
  const nearestCount = deps.nearest ?? ANSWER_DEFAULTS.nearest;
  const hits = retrieve(deps.index, question, { k: Math.max(passages, nearestCount), queryVector, dense: deps.dense });
  const nearest = nearestOf(hits, nearestCount);
  const spans = await deps.reader.read(question, hits.slice(0, passages));
  const best = spans[0];
  if (!best || best.score < deps.threshold) return { kind: "not-found", question, mode: deps.reader.mode, nearest };
  const passage = hits.find((h) => h.passage.id === best.passageId)!.passage;
  const article = deps.index.article(passage.articleId);
  return {
    kind: "found",
    question,
    answer: passage.text.slice(best.start, best.end),
    score: Math.round(best.score * 1000) / 1000,
    mode: deps.reader.mode,
    citation: cite(passage, best.start, best.end, article?.source),
    nearest,
  };
}
