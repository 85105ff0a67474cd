import type { RowPassage, SearchIndex } from "../search/search-index.js";
import { searchTerms, searchWords, sentenceCoverage, splitSentences, termWeights } from "../text/index.js";
import { answerShape, hasShape } from "./answer-shape.js";
import { bm25Score, type Bm25Params } from "./bm25-score.js";
import { phraseBonus } from "./phrase-match.js";
import { proximityBonus } from "./proximity.js";

/** What the lexical rerank knows of one candidate passage for one question. */
export interface RerankSignals {
  /** Exact Okapi BM25 over body and title (bm25-score.ts). */
  bm25: number;
  /** Consecutive question terms standing close together (proximity.ts). */
  proximity: number;
  /** The idf weight of the question's terms that the best single sentence says. */
  coverage: number;
  /** Question word pairs said verbatim (phrase-match.ts). */
  phrase: number;
  /** 1 when the best sentence has the shape the question asks for (answer-shape.ts), else 0. */
  shape: number;
}

/** The weights of the signals against BM25's 1 (RETRIEVAL_DEFAULTS; `npm run eval -- tune-retrieval`). */
export type RerankWeights = Omit<RerankSignals, "bm25">;

export function rerankScore(s: RerankSignals, w: RerankWeights): number {
  return s.bm25 + w.proximity * s.proximity + w.coverage * s.coverage + w.phrase * s.phrase + w.shape * s.shape;
}

/** The engine's distinct candidates for a question (identical texts kept once), best first by the
 *  engine, each with its rerank signals. */
export function lexicalCandidates(
  index: SearchIndex,
  question: string,
  depth: number,
  params: Bm25Params,
): Array<{ passage: RowPassage; signals: RerankSignals }> {
  const queryTerms = searchTerms(question);
  const shape = answerShape(question);
  const questionWords = searchWords(question);
  const idf = (t: string) => index.idf(t);
  const queryIdf = termWeights(queryTerms, idf);
  const wordIdf = new Map(questionWords.map((w) => [w, idf(searchTerms(w)[0] ?? "")]));
  const corpus = { idf, averageLength: index.averageLength() };
  // Read past the depth so that dropping duplicates still leaves `depth` candidates.
  const engine = index.searchTerms(queryTerms, Math.ceil(depth * 1.5), params.titleWeight);
  const titleTerms = new Map<string, string[]>();
  return distinct(index.passagesAt(engine.map((h) => h.row)), depth).map((passage) => {
    const ranges = splitSentences(passage.text);
    const sentences = ranges.map((r) => searchTerms(passage.text.slice(r.start, r.end)));
    let title = titleTerms.get(passage.title);
    if (!title) titleTerms.set(passage.title, (title = searchTerms(passage.title)));
    // The sentence that says most of the question: its coverage, and whether it has the answer's shape.
    let best = -1;
    let coverage = 0;
    sentences.forEach((terms, i) => {
      const c = sentenceCoverage(terms, queryIdf);
      if (c > coverage) [best, coverage] = [i, c];
    });
    const bestText = best >= 0 ? passage.text.slice(ranges[best]!.start, ranges[best]!.end) : "";
    return {
      passage,
      signals: {
        bm25: bm25Score(queryTerms, sentences.flat(), title, corpus, params),
        proximity: proximityBonus(idf, queryTerms, sentences),
        coverage,
        phrase: phraseBonus(questionWords, searchWords(passage.text), (w) => wordIdf.get(w) ?? 0),
        shape: shape && hasShape(bestText, shape) ? 1 : 0,
      },
    };
  });
}

/** The engine's candidates with identical texts (wire copies, reposts) kept once, best first. */
function distinct(passages: RowPassage[], depth: number): RowPassage[] {
  const seen = new Set<string>();
  const out: RowPassage[] = [];
  for (const p of passages) {
    if (seen.has(p.text)) continue;
    seen.add(p.text);
    out.push(p);
    if (out.length === depth) break;
  }
  return out;
}
