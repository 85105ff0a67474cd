// The answering tunables in one place; app.ts and the readers fall back to these and the evals and
// the trainer in tools/eval read them from here.

/** "Not found" below these scores, per reader. */
export const ANSWER_THRESHOLDS = {
  /** The balanced point on SQuAD 2.0 dev, where as many unanswerable questions are refused as
   *  answerable ones answered (`npm run eval -- squad2`). */
  lexical: 0.39,
  /** Not calibrated like the lexical one: under 0.1 the QA model itself rates the span unlikely. */
  model: 0.1,
} as const;

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
