// The rare-first search and the term counts over a real SQLite index built from files: the counts
// stay equal to what FTS5's own vocabulary says through edits, removals and an older schema, and
// the rare-first search finds what the engine's full query finds.
import Database from "better-sqlite3";
import { mkdir, mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repairText } from "../../../src/knowledge/repair/index.js";
import { createLogger } from "../../../src/log.js";
import { openKnowledgeIndex, type KnowledgeIndex } from "../../../src/search/knowledge-index.js";
import { DATABASE_FILE } from "../../../src/search/open-database.js";
import { databaseSearchIndex } from "../../../src/search/search-index.js";
import { searchTerms } from "../../../src/text/index.js";

let root: string;
let knowledgeDir: string;
const lines: string[] = [];
const TOPICS = ["harbour", "election", "storm", "budget", "museum", "railway"];

function article(i: number): string {
  const topic = TOPICS[i % TOPICS.length]!;
  const paragraphs = Array.from(
    { length: 3 },
    (_, p) => `The council said the ${topic} plan for district ${i} was agreed on day ${p}. Residents said the council listened.`,
  );
  if (i === 17) paragraphs.push("The council said the old lighthouse keeper retired after forty winters on the storm coast.");
  if (i === 29) paragraphs.push("A lighthouse was painted by the council.");
  return `${topic} report ${i}\n\n${paragraphs.join("\n\n")}\n`;
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-rare-first-"));
  knowledgeDir = path.join(root, "knowledge");
  await mkdir(knowledgeDir, { recursive: true });
  for (let i = 0; i < 40; i++) await writeFile(path.join(knowledgeDir, `${i}.txt`), article(i));
  lines.length = 0;
});

afterEach(() => rm(root, { recursive: true, force: true }));

async function open(): Promise<KnowledgeIndex> {
  const index = await openKnowledgeIndex({
    knowledgeDir,
    cacheDir: path.join(root, "cache"),
    repair: repairText,
    logger: createLogger({ level: "info", write: (line) => lines.push(line) }),
  });
  await index.refresh();
  return index;
}

function countsAgree(index: KnowledgeIndex) {
  const kept = index.db.prepare("SELECT term, doc FROM term_counts ORDER BY term").all();
  const fts5 = index.db.prepare("SELECT term, doc FROM passage_vocabulary ORDER BY term").all();
  expect(kept.length).toBeGreaterThan(20);
  expect(kept).toEqual(fts5);
}

describe("term counts", () => {
  it("equal FTS5's vocabulary after a build, an edit, a removal and an addition", async () => {
    const index = await open();
    countsAgree(index);
    await writeFile(
      path.join(knowledgeDir, "3.txt"),
      "Budget report 3\n\nThe zeppelin landed beside the museum.\n\nNothing else happened.\n",
    );
    await unlink(path.join(knowledgeDir, "29.txt"));
    await writeFile(path.join(knowledgeDir, "new.txt"), "Ferry report\n\nThe ferry sailed past the lighthouse twice.\n");
    const report = await index.refresh();
    expect(report).toMatchObject({ changed: ["3"], removed: ["29"], added: ["new"] });
    countsAgree(index);
    expect(index.search.idf("zeppelin")).toBeGreaterThan(index.search.idf("council"));
    index.close();
  });

  it("are filled from the index when it was written by schema version 2, without re-indexing", async () => {
    const index = await open();
    index.db.exec("DROP TABLE term_counts");
    index.db.pragma("user_version = 2");
    index.close();
    lines.length = 0;
    const reopened = await open();
    countsAgree(reopened);
    expect(lines.join("\n")).toMatch(/Counting each term's passages once/);
    expect((await reopened.refresh()).unchanged).toBe(40);
    reopened.close();
  });
});

describe("rare-first search over the index", () => {
  const query = searchTerms("Which council lighthouse keeper retired after forty winters?");

  it("finds the passage the engine's full query puts first, reading the common terms only among the rare ones' rows", async () => {
    const index = await open();
    const file = path.join(index.folder, DATABASE_FILE);
    const full = index.search.searchTerms(query, 10); // 40 articles: within the exact budget, FTS5's own query
    const db = new Database(file, { readonly: true });
    const rareFirst = databaseSearchIndex(db, { rareFirst: { exactBudget: 0, rareBudget: 1, maxBudget: 1_000 } }).searchTerms(query, 10);
    const text = (rows: number[]) => index.search.passagesAt(rows).map((p) => p.text);
    expect(text([rareFirst[0]!.row])).toEqual(text([full[0]!.row]));
    expect(text([rareFirst[0]!.row])[0]).toMatch(/lighthouse keeper retired/);
    // Every candidate holds a query term, best first.
    const holding = new Set(
      db
        .prepare("SELECT rowid FROM passage_terms WHERE passage_terms MATCH ?")
        .pluck()
        .all(query.map((t) => `"${t}"`).join(" OR ")),
    );
    expect(rareFirst.every((h) => holding.has(h.row))).toBe(true);
    expect(rareFirst.map((h) => h.score)).toEqual([...rareFirst.map((h) => h.score)].sort((a, b) => b - a));
    db.close();
    index.close();
  });

  it("answers with the engine's own scores when the query's postings fit the exact budget", async () => {
    const index = await open();
    const db = new Database(path.join(index.folder, DATABASE_FILE), { readonly: true });
    const engine = db
      .prepare(
        "SELECT rowid AS row, -bm25(passage_terms, 1.0, 1.0) AS score FROM passage_terms WHERE passage_terms MATCH ? ORDER BY bm25(passage_terms, 1.0, 1.0) LIMIT 5",
      )
      .all(query.map((t) => `"${t}"`).join(" OR "));
    expect(databaseSearchIndex(db, { rareFirst: { exactBudget: 1_000_000, rareBudget: 1, maxBudget: 1 } }).searchTerms(query, 5)).toEqual(
      engine,
    );
    db.close();
    index.close();
  });
});
