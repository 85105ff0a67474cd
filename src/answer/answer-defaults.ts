import type { Mode } from "../types.js";
import type { ReplyThresholds } from "./reply-kind.js";

// The answering tunables in one place; app.ts and the readers fall back to these and the evals and
// the trainer in tools/eval read them from here.

/** The reply-kind cut-offs per reader (see reply-kind.ts): `answer` for a confident span, `passage`
 *  for a relevant sentence without one, `not-found` below `relevant`. */
export const ANSWER_THRESHOLDS = {
  lexical: {
    /** The balanced point on SQuAD 2.0 dev, where as many unanswerable questions are refused as
     *  answerable ones answered (`npm run eval -- squad2`). */
    answer: 0.39,
    relevant: 0.39,
  },
  model: {
    /** Not calibrated like the lexical one: under 0.1 the QA model itself rates the span unlikely. */
    answer: 0.1,
    relevant: 0.39,
  },
} as const satisfies Record<Mode, ReplyThresholds>;

export const ANSWER_DEFAULTS = {
  /** Passages handed to the reader: reading time grows with each one, and the answer's article
   *  ranks first for 81% of SQuAD questions (recall@1 0.814, `npm run eval -- squad`). */
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
} as const;
