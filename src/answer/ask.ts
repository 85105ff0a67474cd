import type { SearchIndex } from "../search/search-index.js";
import type { DenseSearch } from "../retrieval/retrieve.js";
import type { Answer, Citation, Embedder, Nearest, Reader, ScoredPassage, Span } from "../types.js";
import { cite, nearestOf } from "./cite.js";
import { normaliseQuestion } from "./question.js";
import { avoidedTerms, onlyRepeats } from "./only-repeats.js";
import { retrieve, type PassageBoost } from "../retrieval/retrieve.js";
import { ANSWER_DEFAULTS } from "./answer-defaults.js";
import { relevanceFeatures, relevanceOf, type RelevanceFeatures } from "./relevance.js";
import { RELEVANCE_WEIGHTS } from "./relevance-weights.js";
import { replyKind, type ReplyThresholds } from "./reply-kind.js";

export interface AskDependencies {
  index: SearchIndex;
  reader: Reader;
  /** Present in model mode, with `dense` over passage vectors of the same model. */
  embedder?: Embedder;
  dense?: DenseSearch;
  /** When a span is an answer, and when a sentence is relevant at all (reply-kind.ts). */
  thresholds: ReplyThresholds;
  /** Passages handed to the reader. */
  passages?: number;
  /** Passages listed as nearest. */
  nearest?: number;
  /** A lean towards some passages (a conversation's articles), passed to retrieval. */
  boost?: PassageBoost;
  /** The wording the reader matches against the passages, when not the question's: a follow-up
   *  is found by its resolved wording ("he" → a name) but read as typed, since the article's
   *  next sentence says "he" too. */
  readAs?: string;
  /** Names the question stands for but does not type (a follow-up's "he" → "Kim Collins"): a span
   *  that says only these answers nothing new ("where will he compete?" is never "Kim Collins"). */
  avoid?: readonly string[];
}

/** What the reader made of a question, before the reply kind is decided. */
export interface Reading {
  question: string;
  nearest: Nearest[];
  /** The best span, cited in its sentence(s), with the reader's score and the sentence's relevance
   *  (relevance.ts: how likely the quote says what the question asks; `features` are its inputs). */
  best?: { answer: string; score: number; relevance: number; features: RelevanceFeatures; citation: Citation };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Retrieval, the reader and the citation of its best span; the evals calibrate thresholds on this. */
export async function read(deps: Omit<AskDependencies, "thresholds">, rawQuestion: string): Promise<Reading> {
  const question = normaliseQuestion(rawQuestion);
  const queryVector = deps.embedder && deps.dense ? (await deps.embedder.embed([question], "query"))[0] : undefined;
  const passages = deps.passages ?? ANSWER_DEFAULTS.passages;
  const nearestCount = deps.nearest ?? ANSWER_DEFAULTS.nearest;
  const hits = retrieve(deps.index, question, { k: Math.max(passages, nearestCount), queryVector, dense: deps.dense, boost: deps.boost });
  const nearest = nearestOf(hits, nearestCount);
  const wording = deps.readAs ? normaliseQuestion(deps.readAs) : question;
  const read = await deps.reader.read(wording, hits.slice(0, passages));
  const avoided = avoidedTerms(deps.avoid ?? []);
  const spans = avoided.size ? read.filter((s) => !onlyRepeats(spanText(s, hits), avoided)) : read;
  const span = preferred(spans, hits, deps.boost);
  if (!span) return { question, nearest };
  const passage = hits.find((h) => h.passage.id === span.passageId)!.passage;
  const article = deps.index.article(passage.articleId);
  const citation = cite(passage, span.start, span.end, article?.source);
  const quoteStart = span.start - citation.answerStart;
  const features = relevanceFeatures(wording, passage.text, quoteStart, quoteStart + citation.quote.length, (t) => deps.index.idf(t));
  const relevance = relevanceOf(RELEVANCE_WEIGHTS, features);
  return {
    question,
    nearest,
    best: { answer: passage.text.slice(span.start, span.end), score: span.score, relevance, features, citation },
  };
}

function spanText(span: Span, hits: ScoredPassage[]): string {
  const passage = hits.find((h) => h.passage.id === span.passageId)?.passage;
  return passage ? passage.text.slice(span.start, span.end) : "";
}

/** A reading as one of the three replies (reply-kind.ts). */
export function replyOf(reading: Reading, mode: Answer["mode"], thresholds: ReplyThresholds): Answer {
  const { question, nearest, best } = reading;
  const kind = best ? replyKind(best.score, best.relevance, thresholds) : "not-found";
  if (!best || kind === "not-found") return { kind: "not-found", question, mode, nearest };
  if (kind === "passage") {
    const { answerStart: _s, answerEnd: _e, ...quote } = best.citation;
    return { kind, question, answer: quote.quote, score: round(best.relevance), mode, citation: quote, nearest };
  }
  return { kind, question, answer: best.answer, score: round(best.score), mode, citation: best.citation, nearest };
}

/** Question → cited answer, the sentence that holds it, or an honest "not found" with the nearest passages. */
export async function ask(deps: AskDependencies, rawQuestion: string): Promise<Answer> {
  return replyOf(await read(deps, rawQuestion), deps.reader.mode, deps.thresholds);
}

/** The reader's best span; with a lean, the best by score times the lean of its passage (a
 *  conversation's article wins a close call, a far better match elsewhere still wins). */
function preferred(spans: Span[], hits: ScoredPassage[], boost: PassageBoost | undefined): Span | undefined {
  if (!boost || spans.length < 2) return spans[0];
  const lean = new Map(hits.map((h) => [h.passage.id, boost(h.passage)]));
  let best = spans[0]!;
  for (const s of spans) if (s.score * (lean.get(s.passageId) ?? 1) > best.score * (lean.get(best.passageId) ?? 1)) best = s;
  return best;
}
