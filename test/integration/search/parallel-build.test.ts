// A build that prepares articles on worker threads writes the same index as one on this thread:
// the same rows, ids and offsets, and the same full-text postings, term by term and position by
// position — including files that are problems and articles whose text is repaired.
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openKnowledgeIndex, type KnowledgeIndex } from "../../../src/search/knowledge-index.js";
import { repairText } from "../../../src/knowledge/repair/index.js";
import { createLogger } from "../../../src/log.js";

let root: string;
let knowledgeDir: string;

const TOPICS = ["harbour", "election", "storm", "budget", "museum", "railway", "festival", "hospital"];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-parallel-"));
  knowledgeDir = path.join(root, "knowledge");
  await cp("knowledge", knowledgeDir, { recursive: true });
  for (let i = 0; i < 90; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const paragraphs = Array.from(
      { length: 2 + (i % 5) },
      (_, p) =>
        `The ${topic} committee of district ${i} met on day ${p} and agreed new rules.GeneralHeadquarters said the plan ` +
        `would tostabilise costs,while critics called it rushed. Work starts in ${2020 + (i % 7)}.`,
    );
    const body = paragraphs.join("\n\n");
    const file = i % 3 === 0 ? `${topic}/${i}.md` : `${topic}/${i}.txt`;
    const text = file.endsWith(".md") ? `---\ntitle: ${topic} report ${i}\n---\n\n${body}\n` : `${topic} report ${i}\n\n${body}\n`;
    await mkdir(path.join(knowledgeDir, topic), { recursive: true });
    await writeFile(path.join(knowledgeDir, file), text);
  }
  await writeFile(path.join(knowledgeDir, "empty.txt"), "");
  await writeFile(path.join(knowledgeDir, "binary.txt"), Buffer.from([0, 1, 2, 0, 255, 0]));
});

afterEach(() => rm(root, { recursive: true, force: true }));

async function build(name: string, threads: number, lines: string[] = []): Promise<KnowledgeIndex> {
  const index = await openKnowledgeIndex({
    knowledgeDir,
    cacheDir: path.join(root, name),
    repair: repairText,
    logger: createLogger({ level: "info", write: (line) => lines.push(line) }),
    threads,
    parallelFrom: 0,
    batch: 16,
  });
  return index;
}

function contents(index: KnowledgeIndex) {
  const db = index.db;
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.postings USING fts5vocab(main, passage_terms, 'instance')");
  return {
    articles: db.prepare("SELECT * FROM articles ORDER BY rowid").all(),
    passages: db.prepare("SELECT * FROM passages ORDER BY rowid").all(),
    postings: db.prepare("SELECT term, doc, col, offset FROM temp.postings ORDER BY term, doc, col, offset").all(),
  };
}

describe("a parallel index build", () => {
  it("writes the same index as a build on one thread, and reports the same", async () => {
    const serialLog: string[] = [];
    const parallelLog: string[] = [];
    const serial = await build("serial", 0, serialLog);
    const parallel = await build("parallel", 2, parallelLog);
    try {
      const [a, b] = [await serial.refresh(), await parallel.refresh()];
      expect(b.added.length).toBe(91);
      expect({ ...b, problems: [...b.problems].sort((x, y) => x.file.localeCompare(y.file)) }).toEqual({
        ...a,
        problems: [...a.problems].sort((x, y) => x.file.localeCompare(y.file)),
      });
      expect(b.problems.map((p) => p.file).sort()).toEqual(["binary.txt", "empty.txt"]);
      const [x, y] = [contents(serial), contents(parallel)];
      expect(y.passages.length).toBeGreaterThan(300);
      expect(y.postings.length).toBeGreaterThan(5000);
      expect(y).toEqual(x);
      expect(parallelLog.join("\n")).toContain("prepared on 2 worker threads");
      expect(serialLog.join("\n")).not.toContain("worker threads");
      // The repair ran on the workers too.
      expect(parallel.search.article("harbour/0")!.text).toContain("would to stabilise costs, while critics");
    } finally {
      serial.close();
      parallel.close();
    }
  });
});
