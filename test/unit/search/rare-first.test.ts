import { describe, expect, it } from "vitest";
import { FTS5_B, FTS5_K1, fts5Idf, rareFirstCandidates, type RareFirstOptions, type TermPostings } from "../../../src/search/rare-first.js";

/** An index in memory: each row's terms (a set: the search counts presence) and its BM25 length. */
function memoryPostings(docs: ReadonlyMap<number, { terms: readonly string[]; length: number }>) {
  const read: string[] = [];
  const postings: TermPostings = {
    documentFrequency: (term) => [...docs.values()].filter((d) => d.terms.includes(term)).length,
    rows(term) {
      read.push(term);
      return [...docs].filter(([, d]) => d.terms.includes(term)).map(([row]) => row);
    },
    rowsWithAny: (term, anchors) =>
      [...docs].filter(([, d]) => d.terms.includes(term) && anchors.some((a) => d.terms.includes(a))).map(([row]) => row),
    lengths: (rows) => new Map(rows.map((row) => [row, docs.get(row)!.length])),
  };
  return { postings, read };
}

/** The same ranking computed the slow way: every row holding any term scored. */
function bruteForce(
  docs: ReadonlyMap<number, { terms: readonly string[]; length: number }>,
  queryTerms: readonly string[],
  k: number,
  options: RareFirstOptions,
) {
  const df = new Map([...new Set(queryTerms)].map((t) => [t, [...docs.values()].filter((d) => d.terms.includes(t)).length]));
  // Summed rarest first, as the search adds them (floating-point sums depend on the order).
  const terms = [...df.keys()].sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1));
  const scored = [...docs]
    .map(([row, d]) => ({
      row,
      idfSum: terms.filter((t) => d.terms.includes(t)).reduce((s, t) => s + fts5Idf(df.get(t)!, options.passages), 0),
      d,
    }))
    .filter((x) => x.idfSum > 0)
    .sort((a, b) => b.idfSum - a.idfSum || a.row - b.row)
    .slice(0, options.preselect ?? k * 2);
  return scored
    .map(({ row, idfSum, d }) => {
      const norm = FTS5_K1 * (1 - FTS5_B + (FTS5_B * d.length) / options.averageLength);
      return { row, score: (idfSum * (FTS5_K1 + 1)) / (1 + norm) };
    })
    .sort((a, b) => b.score - a.score || a.row - b.row)
    .slice(0, k);
}

/** A seeded corpus: Zipf-like term frequencies, so that some terms are in most rows and some in few. */
function corpus(seed: number, rows: number, vocabulary: number) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const docs = new Map<number, { terms: string[]; length: number }>();
  for (let row = 1; row <= rows; row++) {
    const terms = new Set<string>();
    const length = 3 + Math.floor(random() * 12);
    for (let i = 0; i < length; i++) terms.add(`t${Math.floor(vocabulary ** random()) - 1}`);
    docs.set(row, { terms: [...terms], length });
  }
  return { docs, random };
}

function optionsFor(docs: Map<number, { length: number }>, budgets: Partial<RareFirstOptions> = {}): RareFirstOptions {
  const lengths = [...docs.values()].map((d) => d.length);
  return {
    passages: docs.size,
    averageLength: lengths.reduce((a, b) => a + b, 0) / lengths.length,
    exactBudget: 0,
    rareBudget: 20,
    maxBudget: 10_000,
    preselect: 12,
    ...budgets,
  };
}

describe("rare-first candidates", () => {
  it("leaves a query whose postings fit the exact budget to the engine", () => {
    const docs = new Map([
      [1, { terms: ["harbour", "storm"], length: 4 }],
      [2, { terms: ["storm"], length: 4 }],
    ]);
    const { postings } = memoryPostings(docs);
    expect(rareFirstCandidates(["harbour", "storm"], 5, postings, optionsFor(docs, { exactBudget: 3 }))).toBeUndefined();
    expect(rareFirstCandidates(["harbour", "storm"], 5, postings, optionsFor(docs, { exactBudget: 2 }))).toBeDefined();
  });

  it("reads the common term's postings only among the rare term's rows when the bound allows", () => {
    // "said" is in every row; "lighthouse" in three. Three rows holding both beat any row with "said" alone.
    const docs = new Map<number, { terms: string[]; length: number }>();
    for (let row = 1; row <= 40; row++) docs.set(row, { terms: row % 13 === 0 ? ["lighthouse", "said"] : ["said"], length: 5 });
    const { postings, read } = memoryPostings(docs);
    const options = optionsFor(docs, { rareBudget: 3, preselect: 3 });
    const result = rareFirstCandidates(["said", "lighthouse"], 3, postings, options)!;
    expect(result.exact).toBe(true);
    expect(result.essential).toEqual(["lighthouse"]);
    expect(read).toEqual(["lighthouse"]);
    expect(result.hits.map((h) => h.row)).toEqual([13, 26, 39]);
    expect(result.hits).toEqual(bruteForce(docs, ["said", "lighthouse"], 3, options));
  });

  it("widens to the common term when a row holding only it could still enter the top, and then finds it", () => {
    // One row holds the rare term; the top 3 must then include rows holding only "storm" (the longer
    // row 3 falls behind row 5 once lengths count).
    const docs = new Map([
      [1, { terms: ["storm"], length: 3 }],
      [2, { terms: ["storm", "harbour"], length: 3 }],
      [3, { terms: ["storm"], length: 9 }],
      [4, { terms: ["quay"], length: 3 }],
      [5, { terms: ["storm"], length: 3 }],
      [6, { terms: ["quay"], length: 3 }],
    ]);
    const { postings, read } = memoryPostings(docs);
    const options = optionsFor(docs, { rareBudget: 1, preselect: 4 });
    const result = rareFirstCandidates(["harbour", "storm"], 3, postings, options)!;
    expect(read).toEqual(["harbour", "storm"]);
    expect(result).toMatchObject({ exact: true, essential: ["harbour", "storm"], postings: 5 });
    expect(result.hits.map((h) => h.row)).toEqual([2, 1, 5]);
    expect(result.hits).toEqual(bruteForce(docs, ["harbour", "storm"], 3, options));
  });

  it("says it is not exact when the postings budget stops the widening, and keeps the rare term's rows", () => {
    const docs = new Map([
      [1, { terms: ["storm"], length: 3 }],
      [2, { terms: ["storm", "harbour"], length: 3 }],
      [3, { terms: ["storm"], length: 3 }],
    ]);
    const { postings, read } = memoryPostings(docs);
    const result = rareFirstCandidates(["harbour", "storm"], 2, postings, optionsFor(docs, { rareBudget: 1, maxBudget: 2, preselect: 2 }))!;
    expect(read).toEqual(["harbour"]);
    expect(result).toMatchObject({ exact: false, essential: ["harbour"], postings: 1 });
    expect(result.hits.map((h) => h.row)).toEqual([2]);
  });

  it("ignores terms the index does not hold", () => {
    const docs = new Map([
      [1, { terms: ["storm"], length: 3 }],
      [2, { terms: ["storm", "harbour"], length: 3 }],
    ]);
    const { postings } = memoryPostings(docs);
    const result = rareFirstCandidates(["zeppelin", "harbour", "storm"], 2, postings, optionsFor(docs, { rareBudget: 1, preselect: 2 }))!;
    expect(result.essential).not.toContain("zeppelin");
    expect(result.hits.map((h) => h.row)).toEqual([2, 1]);
    expect(rareFirstCandidates(["zeppelin"], 2, postings, optionsFor(docs))).toBeUndefined();
  });

  it("equals the brute-force ranking whenever it says the bound held (seeded corpora, many queries)", () => {
    let exact = 0;
    let approximate = 0;
    for (const seed of [1, 2, 3]) {
      const { docs, random } = corpus(seed, 600, 400);
      const { postings } = memoryPostings(docs);
      for (let q = 0; q < 60; q++) {
        const query = Array.from({ length: 2 + Math.floor(random() * 5) }, () => `t${Math.floor(400 ** random()) - 1}`);
        const options = optionsFor(docs, { rareBudget: 10 + Math.floor(random() * 60), maxBudget: 40 + Math.floor(random() * 300) });
        const result = rareFirstCandidates(query, 8, postings, options);
        if (!result) continue;
        if (!result.exact) {
          approximate++;
          continue;
        }
        exact++;
        expect(result.hits).toEqual(bruteForce(docs, query, 8, options));
      }
    }
    // Both outcomes occur, so the check above is not vacuous and the budgets do bind.
    expect(exact).toBeGreaterThan(50);
    expect(approximate).toBeGreaterThan(5);
  });
});
