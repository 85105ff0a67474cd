import { mayAnswer, showsGrain, type TimeGrain } from "./answer-discipline.js";
import { candidateSpans, type CandidateKind } from "./candidates.js";
import type { AnswerType } from "./question-type.js";
import { ANSWER_TYPES } from "./span-feature-names.js";
import { coverageByTypeName, typedName, type SentenceFeatures } from "./sentence-feature-names.js";
import { isNumericToken, type TaggedToken } from "./tagged-tokens.js";

// The features a sentence is ranked on: which of the read passages' sentences holds the answer
// (a softmax over one question's sentences, trained on SQuAD by `npm run eval -- train-sentences`).
// Pure: everything comes in as arguments.

export interface QuestionView {
  /** The question's search terms in order (stemmed, no stop words), repeats kept. */
  terms: readonly string[];
  /** Each distinct term's weight (its idf, at least 0.1). */
  weights: ReadonlyMap<string, number>;
  answerType: AnswerType;
  grain?: TimeGrain;
  /** The noun a "what/which" question names, as a term. */
  focus?: string;
}

export interface SentenceView {
  text: string;
  /** The sentence's search terms, in order. */
  terms: readonly string[];
  tokens: readonly TaggedToken[];
  /** Token term (stemmed) or undefined for stop words and punctuation, per token. */
  tokenTerms: ReadonlyArray<string | undefined>;
  /** The passage's place among those read (0 = retrieved first) and its retrieval strength
   *  relative to the first, in [0, 1]. */
  passageRank: number;
  passageWeight: number;
  /** The sentence's place in its passage, of `count`. */
  index: number;
  count: number;
  /** The terms of the sentences just before and after it in the same passage. */
  previousTerms?: readonly string[];
  nextTerms?: readonly string[];
}

const NAMES: ReadonlySet<CandidateKind> = new Set(["person", "place", "org", "role", "proper"]);
const NUMBERS: ReadonlySet<CandidateKind> = new Set(["time", "number", "money", "percent"]);

/** The summed weight of the question's terms among `terms`, as a share of all of it. */
function coverageOf(q: QuestionView, total: number, ...termLists: Array<readonly string[] | undefined>): number {
  const present = new Set<string>();
  for (const list of termLists) for (const t of list ?? []) present.add(t);
  let covered = 0;
  for (const [t, w] of q.weights) if (present.has(t)) covered += w;
  return total === 0 ? 0 : covered / total;
}

function grams(terms: readonly string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= terms.length; i++) out.add(terms.slice(i, i + n).join(" "));
  return out;
}

function gramShare(question: Set<string>, sentence: readonly string[], n: number): number {
  if (question.size === 0) return 0;
  const present = grams(sentence, n);
  let hits = 0;
  for (const g of question) if (present.has(g)) hits++;
  return hits / question.size;
}

/** Distinct question terms matched, over the narrowest token window that holds them all. */
function matchDensity(tokenTerms: ReadonlyArray<string | undefined>, weights: ReadonlyMap<string, number>): number {
  const at: Array<[number, string]> = [];
  tokenTerms.forEach((t, i) => {
    if (t !== undefined && weights.has(t)) at.push([i, t]);
  });
  const distinct = new Set(at.map(([, t]) => t)).size;
  if (distinct < 2) return 0;
  // Sliding window over the match positions: the shortest stretch holding every distinct term.
  const counts = new Map<string, number>();
  let have = 0,
    best = Infinity,
    left = 0;
  for (const [i, t] of at) {
    counts.set(t, (counts.get(t) ?? 0) + 1);
    if (counts.get(t) === 1) have++;
    while (have === distinct) {
      const [j, u] = at[left]!;
      best = Math.min(best, i - j + 1);
      counts.set(u, counts.get(u)! - 1);
      if (counts.get(u) === 0) have--;
      left++;
    }
  }
  return distinct / best;
}

/** Whether a candidate of this kind is the kind the question type asks for (not merely allowed). */
function answersType(type: AnswerType, kind: CandidateKind, numeric: boolean): boolean {
  if (type === "thing") return kind === "noun";
  if (type === "named") return NAMES.has(kind);
  if (kind === "noun") return numeric && (type === "number" || type === "money" || type === "percent");
  return mayAnswer(type, kind, numeric);
}

/** The named features of each sentence of one question's list (some compare a sentence with the
 *  best of the list, so the list comes whole). */
export function sentenceFeatures(q: QuestionView, sentences: readonly SentenceView[]): SentenceFeatures[] {
  let total = 0,
    heaviest = 0;
  for (const w of q.weights.values()) {
    total += w;
    heaviest = Math.max(heaviest, w);
  }
  const bigrams = grams(q.terms, 2);
  const trigrams = grams(q.terms, 3);
  const coverages = sentences.map((s) => coverageOf(q, total, s.terms));
  const best = Math.max(0, ...coverages);
  return sentences.map((s, k) => {
    const coverage = coverages[k]!;
    const present = new Set(s.terms);
    let shared = 0,
      rarest = 0;
    for (const [t, w] of q.weights)
      if (present.has(t)) {
        shared++;
        rarest = Math.max(rarest, w);
      }
    // Candidates outside the question's words: what the sentence could answer with.
    let typed = 0,
      names = 0,
      numbers = 0;
    for (const c of candidateSpans(s.tokens as TaggedToken[])) {
      let matched = false,
        numeric = false;
      for (let i = c.first; i <= c.last; i++) {
        const term = s.tokenTerms[i];
        if (term !== undefined && q.weights.has(term)) matched = true;
        if (isNumericToken(s.tokens[i]!)) numeric = true;
      }
      if (matched) continue;
      if (NAMES.has(c.kind)) names++;
      if (NUMBERS.has(c.kind)) numbers++;
      if (typed === 0 && answersType(q.answerType, c.kind, numeric)) {
        const text = s.text.slice(s.tokens[c.first]!.start, s.tokens[c.last]!.end);
        if (!q.grain || showsGrain(text, q.grain)) typed = 1;
      }
    }
    const previous = s.previousTerms ? coverageOf(q, total, s.previousTerms) : 0;
    const next = s.nextTerms ? coverageOf(q, total, s.nextTerms) : 0;
    const features = {
      coverage,
      coverageGap: coverage - best,
      bestCoverage: coverage === best && best > 0 ? 1 : 0,
      termShare: q.weights.size === 0 ? 0 : shared / q.weights.size,
      bigramShare: gramShare(bigrams, s.terms, 2),
      trigramShare: gramShare(trigrams, s.terms, 3),
      rarestMatch: heaviest === 0 ? 0 : rarest / heaviest,
      matchDensity: matchDensity(s.tokenTerms, q.weights),
      unionPrevious: s.previousTerms ? coverageOf(q, total, s.terms, s.previousTerms) - coverage : 0,
      unionNext: s.nextTerms ? coverageOf(q, total, s.terms, s.nextTerms) - coverage : 0,
      previousCoverage: previous,
      nextCoverage: next,
      firstInPassage: s.index === 0 ? 1 : 0,
      lastInPassage: s.index === s.count - 1 ? 1 : 0,
      position: s.count > 1 ? s.index / (s.count - 1) : 0,
      passageWeight: s.passageWeight,
      firstPassage: s.passageRank === 0 ? 1 : 0,
      secondPassage: s.passageRank === 1 ? 1 : 0,
      lengthScaled: Math.min(1, s.tokens.length / 50),
      short: s.tokens.length < 6 ? 1 : 0,
      focusIn: q.focus !== undefined && present.has(q.focus) ? 1 : 0,
      unmatchedTyped: typed,
      unmatchedNames: Math.min(1, names / 3),
      unmatchedNumbers: Math.min(1, numbers / 3),
    } as SentenceFeatures;
    for (const t of ANSWER_TYPES) {
      features[typedName(t)] = t === q.answerType ? typed : 0;
      features[coverageByTypeName(t)] = t === q.answerType ? coverage : 0;
    }
    return features;
  });
}
