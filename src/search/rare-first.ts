// Top-k candidates whose cost follows the query's rare terms, for archives where a question's
// common words hold hundreds of thousands of passages. FTS5's own ranking scores every passage
// holding any query term (and its bm25() counts each term's whole posting list), so at 200,000
// articles one common word costs ~100 ms. Here the rarest terms' postings are read whole (the
// "essential" terms, MaxScore-style); the common terms are looked up only among the passages those
// postings name; and a passage holding only common terms is left out only when it provably cannot
// reach the top k: the k-th best score already found is at least the sum of what the common terms
// can add. Otherwise the rarest common term joins the essential ones and the search runs again,
// within a postings budget.
//
// The score is BM25 with each present term counted once (term frequency 1, FTS5's idf, k1 and b),
// length-normalised for the final order. The rerank (src/retrieval) rescores the candidates
// exactly, so the candidates only have to hold the passages that deserve the rerank.

/** What the search reads from the index. Rows are the engine's passage rows. */
export interface TermPostings {
  /** Passages holding the term (0 for an unknown term). */
  documentFrequency(term: string): number;
  /** Every passage holding the term. */
  rows(term: string): readonly number[];
  /** The passages that hold `term` and at least one of `anchors` (each anchor's postings read, not `term`'s). */
  rowsWithAny(term: string, anchors: readonly string[]): readonly number[];
  /** BM25 document length (body terms plus title terms) of each row. */
  lengths(rows: readonly number[]): ReadonlyMap<number, number>;
}

export interface RareFirstOptions {
  /** Passages in the index and their mean BM25 length. */
  passages: number;
  averageLength: number;
  /** Up to this many postings (sum of the terms' document frequencies) the caller's exact engine query is
   *  cheap enough: `rareFirstCandidates` answers `undefined`. */
  exactBudget: number;
  /** Postings read whole for the first essential terms (the rarest always is). */
  rareBudget: number;
  /** Most postings read whole while widening the essential terms to satisfy the bound. */
  maxBudget: number;
  /** Candidates ranked by the presence score before length normalisation picks the `k` (≥ k; 2k by default). */
  preselect?: number;
}

export interface RareFirstResult {
  hits: Array<{ row: number; score: number }>;
  /** The terms whose postings were read whole; the others were looked up among their rows. */
  essential: string[];
  /** The bound held: no passage holding only the other terms could have entered the top `preselect`. */
  exact: boolean;
  /** Postings read whole. */
  postings: number;
}

/** FTS5's BM25 constants and idf (clamped just above 0 for terms in more than half the passages). */
export const FTS5_K1 = 1.2;
export const FTS5_B = 0.75;
export function fts5Idf(documentFrequency: number, passages: number): number {
  return Math.max(Math.log((passages - documentFrequency + 0.5) / (documentFrequency + 0.5)), 1e-6);
}

interface Term {
  term: string;
  df: number;
  idf: number;
}

/**
 * Presence scores (the summed idf of the query terms a row holds) of every row holding an essential
 * term. Terms become essential rarest first; each one's postings are read once: its new rows (no
 * earlier essential term) get the remaining terms looked up among them.
 */
class PresenceScores {
  readonly scores = new Map<number, number>();
  private anchored = 0;

  constructor(
    private readonly terms: readonly Term[],
    private readonly postings: TermPostings,
  ) {}

  get essential(): number {
    return this.anchored;
  }

  /** Makes the first `count` terms essential. */
  anchor(count: number): void {
    const from = this.anchored;
    if (count <= from) return;
    const added = this.terms.slice(from, count);
    const fresh = new Set<number>();
    for (const t of added) {
      for (const row of this.postings.rows(t.term)) {
        const s = this.scores.get(row);
        if (s === undefined) fresh.add(row);
        // A row holding an earlier essential term already counts this term (looked up below, earlier).
        if (s === undefined || fresh.has(row)) this.scores.set(row, (s ?? 0) + t.idf);
      }
    }
    const anchors = added.map((t) => t.term);
    for (const t of this.terms.slice(count)) {
      for (const row of this.postings.rowsWithAny(t.term, anchors)) {
        if (fresh.has(row)) this.scores.set(row, this.scores.get(row)! + t.idf);
      }
    }
    this.anchored = count;
  }
}

/** The `n`-th best score, 0 when there are fewer. */
function nthBest(scores: Iterable<number>, n: number): number {
  const best: number[] = [];
  for (const s of scores) {
    if (best.length < n) {
      best.push(s);
      if (best.length === n) best.sort((a, b) => a - b);
    } else if (s > best[0]!) {
      // Keep the n best in ascending order: drop the smallest, insert in place.
      let i = 1;
      while (i < n && best[i]! < s) best[i - 1] = best[i++]!;
      best[i - 1] = s;
    }
  }
  return best.length < n ? 0 : best[0]!;
}

/**
 * The best `k` passages for the terms, or `undefined` when their postings fit `exactBudget` (the
 * caller then runs the engine's exact query). Best first; ties by row.
 */
export function rareFirstCandidates(
  queryTerms: readonly string[],
  k: number,
  postings: TermPostings,
  options: RareFirstOptions,
): RareFirstResult | undefined {
  const terms: Term[] = [...new Set(queryTerms)]
    .map((term) => ({ term, df: postings.documentFrequency(term) }))
    .filter((t) => t.df > 0)
    .map((t) => ({ ...t, idf: fts5Idf(t.df, options.passages) }))
    .sort((a, b) => a.df - b.df || (a.term < b.term ? -1 : 1));
  const total = terms.reduce((sum, t) => sum + t.df, 0);
  if (total <= options.exactBudget) return undefined;
  const preselect = Math.max(options.preselect ?? k * 2, k);

  // The rarest terms within the rare budget are essential (at least one).
  let split = 0;
  let read = 0;
  while (split < terms.length && (split === 0 || read + terms[split]!.df <= options.rareBudget)) read += terms[split++]!.df;

  const presence = new PresenceScores(terms, postings);
  let exact: boolean;
  for (;;) {
    presence.anchor(split);
    // A row without an essential term scores at most the other terms' idf sum: it can be left out
    // when the preselect-th best score found is at least that.
    const othersBound = terms.slice(split).reduce((sum, t) => sum + t.idf, 0);
    exact = split === terms.length || nthBest(presence.scores.values(), preselect) >= othersBound;
    if (exact || read + terms[split]!.df > options.maxBudget) break;
    read += terms[split++]!.df;
  }
  const scores = presence.scores;

  // The preselected rows, ordered by the presence score normalised by length as BM25 does with tf 1.
  const cut = nthBest(scores.values(), preselect);
  const ranked: Array<[number, number]> = [];
  for (const entry of scores) if (entry[1] >= cut) ranked.push(entry);
  ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]).splice(preselect);
  const lengths = postings.lengths(ranked.map(([row]) => row));
  const average = options.averageLength || 1;
  const hits = ranked.map(([row, idfSum]) => {
    const length = lengths.get(row) ?? average;
    const norm = FTS5_K1 * (1 - FTS5_B + (FTS5_B * length) / average);
    return { row, score: (idfSum * (FTS5_K1 + 1)) / (1 + norm) };
  });
  hits.sort((a, b) => b.score - a.score || a.row - b.row);
  return { hits: hits.slice(0, k), essential: terms.slice(0, split).map((t) => t.term), exact, postings: read };
}
