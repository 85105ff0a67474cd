// Finding articles by what somebody types (autocomplete, "did you mean") without reading every title
// per keystroke: ids and titles sorted for binary-searched prefixes, a sorted word list with postings
// for word prefixes, and one joined string for substrings. Built once per article list. Pure.
import { foldCase, foldWords } from "../text/index.js";
import type { TitleMatch } from "../types.js";

export type { TitleMatch };

export interface TitleEntry {
  readonly id: string;
  readonly title: string;
}

export interface TitleHit<T> {
  entry: T;
  match: TitleMatch;
}

export interface TitleIndex<T extends TitleEntry> {
  readonly size: number;
  /** Up to `limit` entries, by match kind, then in the order the entries were given (the tie-break). */
  find(query: string, limit: number): TitleHit<T>[];
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** First position in `order` whose key is ≥ `q`. */
function lowerBound(order: Int32Array, keys: readonly string[], q: string): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[order[mid]!]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [from, to) of the sorted keys that start with `q`. */
function prefixRange(order: Int32Array, keys: readonly string[], q: string): [number, number] {
  return [lowerBound(order, keys, q), lowerBound(order, keys, q + "\uffff")];
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

function sortedOrder(keys: readonly string[]): Int32Array {
  // A plain array sorts several times faster than a typed one with a comparator.
  return Int32Array.from([...keys.keys()].sort((a, b) => byCodeUnit(keys[a]!, keys[b]!)));
}

/** The `room` smallest entry numbers offered, skipping those already taken by a better tier. */
class Smallest {
  readonly picked: number[] = [];
  constructor(
    private readonly room: number,
    private readonly taken: { has(i: number): boolean },
  ) {}
  wants(i: number): boolean {
    const p = this.picked;
    return !this.taken.has(i) && (p.length < this.room || i < p[p.length - 1]!) && !p.includes(i);
  }
  offer(i: number): void {
    if (!this.wants(i)) return;
    const p = this.picked;
    let at = p.length;
    while (at > 0 && p[at - 1]! > i) at--;
    p.splice(at, 0, i);
    if (p.length > this.room) p.pop();
  }
}

/** Entries folded per step of an incremental build. */
const STEP = 4096;

/** The index of `entries`, built at once. */
export function buildTitleIndex<T extends TitleEntry>(entries: readonly T[]): TitleIndex<T> {
  const steps = buildSteps(entries);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** The same index, built in steps with `pause()` awaited between them, so a process that keeps
 *  answering (the bot) is never held for the whole build of a large archive. */
export async function buildTitleIndexInSteps<T extends TitleEntry>(
  entries: readonly T[],
  pause: () => Promise<void>,
): Promise<TitleIndex<T>> {
  const steps = buildSteps(entries);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await pause();
  }
}

function* buildSteps<T extends TitleEntry>(entries: readonly T[]): Generator<void, TitleIndex<T>> {
  const n = entries.length;
  const titles: string[] = new Array<string>(n);
  const ids: string[] = new Array<string>(n);
  const segments: string[] = new Array<string>(n);
  const starts = new Int32Array(n + 1);
  // Word occurrences as numbers (word, entry), appended in entry order: one map lookup each.
  const wordIds = new Map<string, number>();
  const words: string[] = [];
  const lastEntry: number[] = [];
  let occurrences = 0;
  let occWord = new Int32Array(n * 8 + 16);
  let occEntry = new Int32Array(n * 8 + 16);
  for (let i = 0, offset = 0; i < n; i++) {
    if (i % STEP === STEP - 1) yield;
    const entry = entries[i]!;
    const title = foldWords(entry.title);
    const id = foldCase(entry.id);
    const idWords = foldWords(id);
    titles[i] = title;
    ids[i] = id;
    for (const w of `${title} ${idWords}`.split(" ")) {
      if (!w) continue;
      let k = wordIds.get(w);
      if (k === undefined) {
        k = words.push(w) - 1;
        wordIds.set(w, k);
        lastEntry.push(-1);
      }
      if (lastEntry[k] === i) continue;
      lastEntry[k] = i;
      if (occurrences === occWord.length) {
        occWord = grow(occWord);
        occEntry = grow(occEntry);
      }
      occWord[occurrences] = k;
      occEntry[occurrences++] = i;
    }
    // Every word follows a space, so " " + prefix finds word prefixes inside a segment.
    const segment = ` ${title} ${id} ${idWords} \n`;
    segments[i] = segment;
    starts[i] = offset;
    offset += segment.length;
    starts[i + 1] = offset;
  }
  yield;
  const joined = segments.join("");
  const titleOrder = sortedOrder(titles);
  yield;
  const idOrder = sortedOrder(ids);
  yield;

  // Postings in word order: the entries of a word range are one contiguous slice, ascending.
  const byWord = sortedOrder(words);
  const vocab = Array.from(byWord, (k) => words[k]!);
  const vocabOrder = Int32Array.from(vocab.keys());
  const rank = new Int32Array(words.length);
  byWord.forEach((k, r) => (rank[k] = r));
  const offsets = new Int32Array(vocab.length + 1);
  for (let o = 0; o < occurrences; o++) offsets[rank[occWord[o]!]! + 1]!++;
  for (let r = 0; r < vocab.length; r++) offsets[r + 1]! += offsets[r]!;
  const postings = new Int32Array(occurrences);
  const fill = offsets.slice(0, vocab.length);
  for (let o = 0; o < occurrences; o++) postings[fill[rank[occWord[o]!]!]!++] = occEntry[o]!;

  const segment = (i: number) => joined.slice(starts[i]!, starts[i + 1]!);
  const entryAt = (position: number): number => {
    let lo = 0;
    let hi = n;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= position) lo = mid;
      else hi = mid;
    }
    return lo;
  };

  function find(query: string, limit: number): TitleHit<T>[] {
    if (limit <= 0 || n === 0) return [];
    const q = foldWords(query);
    const qId = foldCase(query).trim();
    if (!q && !qId) return entries.slice(0, limit).map((entry) => ({ entry, match: "all" }));
    const taken = new Map<number, TitleMatch>();
    const tier = (match: TitleMatch, fill: (best: Smallest) => void) => {
      if (taken.size >= limit) return;
      const best = new Smallest(limit - taken.size, taken);
      fill(best);
      for (const i of best.picked) taken.set(i, match);
    };
    const [idFrom, idTo] = prefixRange(idOrder, ids, qId);
    const [titleFrom, titleTo] = q ? prefixRange(titleOrder, titles, q) : [0, 0];
    const scan = (order: Int32Array, from: number, to: number, keep: (i: number) => boolean, best: Smallest) => {
      for (let r = from; r < to; r++) if (keep(order[r]!)) best.offer(order[r]!);
    };

    tier("id", (best) => scan(idOrder, idFrom, idTo, (i) => ids[i] === qId, best));
    tier("title", (best) => scan(titleOrder, titleFrom, titleTo, (i) => titles[i] === q, best));
    tier("prefix", (best) => {
      scan(idOrder, idFrom, idTo, () => true, best);
      scan(titleOrder, titleFrom, titleTo, () => true, best);
    });
    const words = [...new Set(q.split(" "))].filter(Boolean);
    if (words.length === 0) return hits();

    tier("word-prefix", (best) => {
      // Walk the rarest word's postings; check the other words inside each candidate's segment.
      const ranges = words.map((w) => prefixRange(vocabOrder, vocab, w)).map(([a, b]) => [offsets[a]!, offsets[b]!] as const);
      let driver = 0;
      ranges.forEach(([a, b], k) => b - a < ranges[driver]![1] - ranges[driver]![0] && (driver = k));
      const others = words.filter((_, k) => k !== driver).map((w) => ` ${w}`);
      const [from, to] = ranges[driver]!;
      for (let p = from; p < to; p++) {
        const i = postings[p]!;
        if (!best.wants(i)) continue;
        const text = others.length ? segment(i) : "";
        if (others.every((w) => text.includes(w))) best.offer(i);
      }
    });

    tier("substring", (best) => {
      // The joined text is in entry order, so the first hits found are the best ones.
      // A word found nowhere (a typo) ends it after one pass per word.
      if (words.some((w) => joined.indexOf(w) < 0)) return;
      const driver = words.reduce((a, b) => (b.length > a.length ? b : a));
      for (let at = joined.indexOf(driver); at >= 0 && best.picked.length < limit - taken.size;) {
        const i = entryAt(at);
        const text = segment(i);
        if (words.every((w) => text.includes(w))) best.offer(i);
        at = joined.indexOf(driver, starts[i + 1]!);
      }
    });
    return hits();

    function hits(): TitleHit<T>[] {
      return [...taken].map(([i, match]) => ({ entry: entries[i]!, match }));
    }
  }

  return { size: n, find };
}
