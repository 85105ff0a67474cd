import type { Mode } from "../types.js";
import type { ReplyThresholds } from "./reply-kind.js";

// The answering tunables in one place; app.ts and the readers fall back to these and the evals and
// the trainer in tools/eval read them from here.

/** Calibrated on the training half (`npm run eval -- calibrate`: 2,000 SQuAD questions of the
 *  odd-numbered articles, spans scored cross-fitted, and 1,000 questions whose answer is in no
 *  article): the pair that shows the most gold answers while at most 10% of the off-corpus questions
 *  get an answer or a passage and at least half the answerable get an answer in each of the two folds
 *  of training articles (training half: 53.5% right, 50.9% answers with F1 62.0, the folds 50.2% and
 *  51.5%; 9.7% false replies of which 3.7% answers). `answer` is on the
 *  span confidence (span-confidence.ts), `relevant` on the learned relevance (relevance.ts). */
const LEXICAL_THRESHOLDS = { answer: 0.328, relevant: 0.345 } as const;

/** The reply-kind cut-offs per reader (see reply-kind.ts): `answer` for a confident span, `passage`
 *  for a relevant sentence without one, `not-found` below `relevant`. */
export const ANSWER_THRESHOLDS = {
  lexical: LEXICAL_THRESHOLDS,
  model: {
    /** Not calibrated like the lexical one: under 0.1 the QA model itself rates the span unlikely. */
    answer: 0.1,
    /** Relevance is the same lexical measure in both modes (relevance.ts, from the quoted sentence
     *  and its passage), so the lexical calibration carries over. */
    relevant: LEXICAL_THRESHOLDS.relevant,
  },
} as const satisfies Record<Mode, ReplyThresholds>;

export const ANSWER_DEFAULTS = {
  /** Passages handed to the reader: reading time grows with each one, and the answer's article
   *  ranks first for about 80% of SQuAD questions (retrieval@1 0.830 over 2,000, 0.796 on the held-out
   *  half: `npm run eval -- squad --limit 2000 --off 300`). */
  passages: 3,
  /** Passages listed as nearest in a "not found" reply: enough to point somewhere without a wall of text. */
  nearest: 3,
} as const;

export const LEXICAL_READER_DEFAULTS = {
  /** Passages whose sentences are read, best first (the same three the reader is handed). */
  passages: 3,
  /** Sentences, by coverage of the question, whose spans become candidates: each more adds
   *  candidates to rank wrongly; the shipped setting (the trainer used three, see train-reader.ts). */
  sentences: 5,
  /** Answer discipline (answer-discipline.ts): candidates of a kind that cannot answer the
   *  question's type are dropped while any that can is left. */
  discipline: true,
} as const;
