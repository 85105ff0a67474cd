import { splitSentences } from "../knowledge/sentences.js";
import { terms } from "../index/tokenize.js";
import type { Reader, ScoredPassage, Span } from "../types.js";
import { candidateSpans, type Candidate, type CandidateKind } from "./candidates.js";
import { answerTypeOf, type AnswerType } from "./question-type.js";
import { tagTokens, type TaggedToken } from "./tagged-tokens.js";

/** How well a candidate's kind fits the kind of answer a question asks for. */
const FIT: Record<AnswerType, Partial<Record<CandidateKind, number>>> = {
  person: { proper: 1, noun: 0.3 },
  place: { proper: 1, noun: 0.3 },
  time: { time: 1, number: 0.4, noun: 0.1 },
  number: { number: 1, money: 0.8, percent: 0.8, time: 0.3, noun: 0.1 },
  money: { money: 1, number: 0.6, noun: 0.1 },
  percent: { percent: 1, number: 0.6, noun: 0.1 },
  named: { proper: 1, noun: 0.6, time: 0.4, number: 0.4 },
  thing: { noun: 1, proper: 0.9, time: 0.6, number: 0.6, money: 0.6, percent: 0.6 },
};

export interface LexicalReaderOptions {
  /** Inverse document frequency of a term: rare question words count for more. */
  idf: (term: string) => number;
  /** Passages read per question, best first. */
  passages?: number;
  /** Sentences examined for spans, across those passages. */
  sentences?: number;
  /** Token distance at which a candidate's closeness to the question's words halves. */
  proximity?: number;
}

interface ScoredSentence {
  passageId: string;
  start: number;
  end: number;
  text: string;
  coverage: number;
  weight: number;
}

function tokenTerm(token: TaggedToken): string | undefined {
  return terms(token.text)[0];
}

function spanScore(tokens: TaggedToken[], c: Candidate, matched: number[], question: Set<string>, fit: number, halfDistance: number, idf: (t: string) => number): number {
  let inQuestion = 0;
  let content = 0;
  let rarest = 0;
  for (let i = c.first; i <= c.last; i++) {
    const term = tokenTerm(tokens[i]!);
    if (!term) continue;
    content++;
    if (question.has(term)) inQuestion++;
    rarest = Math.max(rarest, idf(term));
  }
  // An answer restating only the question's own words answers nothing.
  if (content === 0 || inQuestion === content) return 0;
  // Closeness to each matched question word, weighted by how rare that word is.
  let near = 0;
  let weight = 0;
  for (const m of matched) {
    if (m >= c.first && m <= c.last) continue;
    const w = idf(tokenTerm(tokens[m]!) ?? "") || 0.1;
    const distance = m < c.first ? c.first - m : m - c.last;
    near += w * (halfDistance / (halfDistance + distance - 1));
    weight += w;
  }
  const closeness = weight === 0 ? 0.3 : near / weight;
  // Numbers and names are informative as they are; a lone common word ("year", "various") is not.
  const informative = c.kind === "noun" ? Math.min(1, 0.4 + rarest / 8) : 1;
  return fit * closeness * informative * (1 - 0.6 * (inQuestion / content));
}

/** Extracts answer spans by matching the question's words and the kind of answer it asks for. */
export function createLexicalReader(options: LexicalReaderOptions): Reader {
  const maxPassages = options.passages ?? 3;
  const maxSentences = options.sentences ?? 3;
  const halfDistance = options.proximity ?? 8;
  return {
    mode: "lexical",
    modelId: "lexical",
    async read(question: string, passages: ScoredPassage[]): Promise<Span[]> {
      const questionTerms = new Set(terms(question));
      if (questionTerms.size === 0 || passages.length === 0) return [];
      const weightOf = new Map([...questionTerms].map((t) => [t, Math.max(options.idf(t), 0.1)]));
      const total = [...weightOf.values()].reduce((a, b) => a + b, 0);
      const fitFor = FIT[answerTypeOf(question)];
      const top = passages[0]!.score || 1;
      const sentences: ScoredSentence[] = [];
      for (const { passage, score } of passages.slice(0, maxPassages)) {
        for (const r of splitSentences(passage.text)) {
          const text = passage.text.slice(r.start, r.end);
          const present = new Set(terms(text));
          let covered = 0;
          for (const [t, w] of weightOf) if (present.has(t)) covered += w;
          sentences.push({ passageId: passage.id, ...r, text, coverage: covered / total, weight: 0.8 + 0.2 * (score / top) });
        }
      }
      sentences.sort((a, b) => b.coverage * b.weight - a.coverage * a.weight);
      const spans: Span[] = [];
      for (const s of sentences.slice(0, maxSentences)) {
        if (s.coverage === 0) break;
        const tokens = tagTokens(s.text);
        const matched = tokens.flatMap((t, i) => (questionTerms.has(tokenTerm(t) ?? "") ? [i] : []));
        for (const c of candidateSpans(tokens)) {
          const fit = fitFor[c.kind] ?? 0;
          if (fit === 0) continue;
          const local = spanScore(tokens, c, matched, questionTerms, fit, halfDistance, options.idf);
          if (local === 0) continue;
          spans.push({
            passageId: s.passageId,
            start: s.start + tokens[c.first]!.start,
            end: s.start + tokens[c.last]!.end,
            score: s.coverage * s.weight * local,
          });
        }
      }
      return spans.sort((a, b) => b.score - a.score);
    },
  };
}
