import { cp, mkdir, mkdtemp, readdir, readFile, rm, truncate, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indexFolder, openKnowledgeIndex, type KnowledgeIndex } from "../../../src/search/knowledge-index.js";
import { repairText } from "../../../src/knowledge/repair/index.js";
import { createLogger, type Logger } from "../../../src/log.js";
import { KnowledgeError } from "../../../src/errors.js";
import { retrieve } from "../../../src/retrieval/retrieve.js";

let root: string;
let knowledgeDir: string;
let cacheDir: string;
let lines: string[];
let open: KnowledgeIndex[];

const logger = (): Logger => createLogger({ level: "debug", write: (line) => lines.push(line) });
async function index(options: { dir?: string; repair?: (b: string) => string; maxArticleBytes?: number } = {}): Promise<KnowledgeIndex> {
  const opened = await openKnowledgeIndex({
    knowledgeDir: options.dir ?? knowledgeDir,
    cacheDir,
    repair: options.repair ?? repairText,
    logger: logger(),
    maxArticleBytes: options.maxArticleBytes,
  });
  open.push(opened);
  return opened;
}
const refresh = async () => (await index()).refresh();
const databaseFile = () => path.join(indexFolder(cacheDir, knowledgeDir), "index.sqlite");
const closeAll = () => {
  for (const k of open.splice(0)) k.close();
};

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-index-"));
  knowledgeDir = path.join(root, "knowledge");
  cacheDir = path.join(root, "cache");
  lines = [];
  open = [];
  await cp("knowledge", knowledgeDir, { recursive: true });
  await writeFile(
    path.join(knowledgeDir, "storm.txt"),
    "Storm hits coast\n\nA storm hit the coast on Monday.\n\nRepairs will take three days.\n",
  );
});

afterEach(async () => {
  closeAll();
  await rm(root, { recursive: true, force: true });
});

describe("the knowledge index (SQLite)", () => {
  it("indexes every article into one database outside the knowledge folder", async () => {
    const k = await index();
    const report = await k.refresh();
    expect(report.added.sort()).toEqual(["haftar-visits-ghq", "storm"]);
    expect(k.search.articleIds().sort()).toEqual(["haftar-visits-ghq", "storm"]);
    expect(report.passages).toBe(k.search.counts().passages);
    expect(await readdir(indexFolder(cacheDir, knowledgeDir))).toContain("index.sqlite");
    expect(await readdir(knowledgeDir)).toEqual(["haftar-visits-ghq.md", "storm.txt"]);
    expect(k.search.passage("storm#p1")).toMatchObject({
      articleId: "storm",
      title: "Storm hits coast",
      text: "A storm hit the coast on Monday.",
    });
  });

  it("adds, changes and removes article by article on the next refresh", async () => {
    await refresh();
    await writeFile(path.join(knowledgeDir, "storm.txt"), "Storm hits coast\n\nA storm hit the coast on Tuesday.\n");
    await writeFile(path.join(knowledgeDir, "new.md"), "---\ntitle: New one\n---\nSomething new happened today.\n");
    const k = await index();
    expect(await k.refresh()).toMatchObject({ added: ["new"], changed: ["storm"], removed: [], unchanged: 1 });
    expect(k.search.passage("storm#p1")!.text).toBe("A storm hit the coast on Tuesday.");
    expect(k.search.passage("storm#p2")).toBeUndefined();
    await rm(path.join(knowledgeDir, "new.md"));
    expect(await k.refresh()).toMatchObject({ added: [], changed: [], removed: ["new"], unchanged: 2 });
    expect(k.search.article("new")).toBeUndefined();
    expect(retrieve(k.search, "something new happened", { k: 3 }).map((h) => h.passage.articleId)).not.toContain("new");
  });

  it("keeps BM25's mean passage length with the index, worked out again after every change", async () => {
    const k = await index();
    const scanned = () => (k.db.prepare("SELECT avg(length) AS v FROM passages").get() as { v: number }).v;
    const kept = () => (k.db.prepare("SELECT value FROM meta WHERE key = 'average_length'").get() as { value: string } | undefined)?.value;
    await k.refresh();
    expect(Number(kept())).toBe(scanned());
    await writeFile(path.join(knowledgeDir, "long.md"), "---\ntitle: Long one\n---\n" + "Many more words in this one. ".repeat(40) + "\n");
    await k.refresh();
    expect(Number(kept())).toBe(scanned());
    expect(k.search.averageLength()).toBe(scanned());
    await rm(path.join(knowledgeDir, "long.md"));
    await k.refresh();
    expect(Number(kept())).toBe(scanned());
    // An index refreshed by an older version has none kept: the search works it out itself.
    k.db.prepare("DELETE FROM meta WHERE key = 'average_length'").run();
    k.search.invalidate();
    expect(k.search.averageLength()).toBe(scanned());
  });

  it("compares folder by folder: a removed folder's articles go, a sub-folder's stay its own", async () => {
    await mkdir(path.join(knowledgeDir, "a", "b"), { recursive: true });
    await mkdir(path.join(knowledgeDir, "gone"));
    await writeFile(path.join(knowledgeDir, "a", "top.txt"), "Top story\n\nThe top story of the day.\n");
    await writeFile(path.join(knowledgeDir, "a", "b", "deep.txt"), "Deep story\n\nThe deep story of the day.\n");
    await writeFile(path.join(knowledgeDir, "gone", "old.txt"), "Old story\n\nThe old story of the day.\n");
    expect((await refresh()).added.sort()).toEqual(["a/b/deep", "a/top", "gone/old", "haftar-visits-ghq", "storm"]);
    await rm(path.join(knowledgeDir, "gone"), { recursive: true });
    await rm(path.join(knowledgeDir, "a", "top.txt"));
    const k = await index();
    expect(await k.refresh()).toMatchObject({ added: [], changed: [], removed: ["a/top", "gone/old"], unchanged: 3 });
    expect(k.search.articleIds().sort()).toEqual(["a/b/deep", "haftar-visits-ghq", "storm"]);
  });

  it("does not read a file whose size and modification time are unchanged", async () => {
    const file = path.join(knowledgeDir, "storm.txt");
    const time = 1_700_000_000;
    await utimes(file, time, time);
    await refresh();
    // Same size, other bytes, old time: only a read would notice, and none happens.
    await writeFile(file, (await readFile(file, "utf8")).replace("Monday", "Sunday"));
    await utimes(file, time, time);
    const k = await index();
    expect(await k.refresh()).toMatchObject({ added: [], changed: [], unchanged: 2 });
    expect(k.search.passage("storm#p1")!.text).toContain("Monday");
  });

  it("re-stamps a touched file without re-indexing it, and re-indexes an edit that kept the time", async () => {
    await refresh();
    const file = path.join(knowledgeDir, "storm.txt");
    await utimes(file, new Date(), new Date(Date.now() + 60_000));
    expect(await refresh()).toMatchObject({ changed: [], unchanged: 2 });
    await writeFile(file, "Storm hits coast\n\nA storm hit the coast on Friday. More.\n");
    expect(await refresh()).toMatchObject({ changed: ["storm"], unchanged: 1 });
  });

  it("reports broken files by name and still loads every other file", async () => {
    await writeFile(path.join(knowledgeDir, "empty.md"), "");
    await writeFile(path.join(knowledgeDir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    await writeFile(path.join(knowledgeDir, "latin1.txt"), Buffer.from("Caf\xe9 news\n\nCaf\xe9 opened.\n", "latin1"));
    await writeFile(path.join(knowledgeDir, "bad-front.md"), "---\ntitle: [oops\n---\nBody.\n");
    await writeFile(path.join(knowledgeDir, "storm.md"), "---\ntitle: Same id\n---\nAnother file, the same article id.\n");
    const k = await index();
    const report = await k.refresh();
    expect(k.search.counts().articles).toBe(3);
    expect(report.problems.map((p) => p.file).sort()).toEqual(["bad-front.md", "binary.txt", "empty.md", "latin1.txt"]);
    expect(report.problems.find((p) => p.file === "latin1.txt")!.reason).toMatch(/UTF-8/);
  });

  it("skips a file over MAX_ARTICLE_BYTES without reading it, naming the file and the limit, and drops its old text", async () => {
    const big = path.join(knowledgeDir, "big.md");
    await writeFile(big, "---\ntitle: Big story\n---\nThe harbour flooded on Tuesday.\n");
    const k = await index({ maxArticleBytes: 10_000 });
    await k.refresh();
    const before = k.search.counts().articles;
    await writeFile(big, "---\ntitle: Big story\n---\n" + "The harbour flooded again. ".repeat(1_000));
    const report = await k.refresh();
    const problem = report.problems.find((p) => p.file === "big.md");
    expect(problem?.reason).toMatch(/over MAX_ARTICLE_BYTES \(10000\)/);
    expect(report.removed).toContain("big");
    expect(k.search.counts().articles).toBe(before - 1);
  });

  it("gives files sharing a name each their own id (story.md, story.txt, story.html): none merged or dropped", async () => {
    await rm(path.join(knowledgeDir, "storm.txt"));
    await writeFile(path.join(knowledgeDir, "story.md"), "---\ntitle: Markdown story\n---\nThe harbour froze in January.\n");
    await writeFile(path.join(knowledgeDir, "story.txt"), "Text story\n\nThe orchard flooded in March.\n");
    await writeFile(
      path.join(knowledgeDir, "story.html"),
      "<html><head><title>HTML story</title></head><body><article><h1>HTML story</h1><p>The bridge over the river reopened in May after two years of repairs, the council said.</p></article></body></html>",
    );
    const k = await index();
    const report = await k.refresh();
    expect(report.problems).toEqual([]);
    const stories = k.search.articleList().filter((a) => a.id.startsWith("story"));
    expect(stories.map((a) => [a.id, a.title]).sort()).toEqual([
      ["story.html", "HTML story"],
      ["story.md", "Markdown story"],
      ["story.txt", "Text story"],
    ]);
    const warning = lines.find((l) => l.includes('would share the article id "story"'));
    expect(warning).toContain("story.html, story.md, story.txt");
    for (const [word, id] of [
      ["harbour", "story.md"],
      ["orchard", "story.txt"],
      ["bridge", "story.html"],
    ] as const) {
      const hits = retrieve(k.search, `what happened to the ${word}`, { k: 1 });
      expect(hits[0]?.passage.articleId).toBe(id);
    }
    // The namesakes gone, the one left takes back the plain id.
    await rm(path.join(knowledgeDir, "story.md"));
    await rm(path.join(knowledgeDir, "story.html"));
    const after = await k.refresh();
    expect(after.changed).toEqual(["story"]);
    expect(
      k.search
        .articleList()
        .filter((a) => a.id.startsWith("story"))
        .map((a) => a.id),
    ).toEqual(["story"]);
  });

  it("skips a sub-folder it cannot list (EACCES) with a warning, loads the rest, and keeps that folder's articles indexed", async () => {
    await mkdir(path.join(knowledgeDir, "locked"));
    await mkdir(path.join(knowledgeDir, "open"));
    await writeFile(path.join(knowledgeDir, "locked", "secret.txt"), "Locked story\n\nThe vault opened at dawn.\n");
    await writeFile(path.join(knowledgeDir, "open", "fair.txt"), "Open story\n\nThe fair opened at noon.\n");
    expect((await refresh()).added).toContain("locked/secret");
    // Root ignores permission bits, so the refusal is injected where the folder is listed.
    const denied = (dir: string) => {
      if (path.basename(dir) === "locked") {
        return Promise.reject(
          Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: "EACCES", errno: -13, syscall: "scandir" }),
        );
      }
      return readdir(dir, { withFileTypes: true });
    };
    await writeFile(path.join(knowledgeDir, "open", "new.txt"), "New story\n\nThe bakery opened at six.\n");
    const k = await openKnowledgeIndex({ knowledgeDir, cacheDir, repair: repairText, logger: logger(), readFolder: denied });
    open.push(k);
    const report = await k.refresh();
    expect(report.added).toEqual(["open/new"]);
    expect(report.removed).toEqual([]);
    expect(report.problems).toEqual([{ file: `locked${path.sep}`, reason: expect.stringMatching(/cannot be read \(EACCES\)/) }]);
    expect(lines.some((l) => l.includes("Skipped locked/") && l.includes("EACCES"))).toBe(true);
    expect(k.search.articleList().map((a) => a.id)).toEqual(expect.arrayContaining(["locked/secret", "open/fair", "open/new", "storm"]));
  });

  it("keeps two articles with the same title apart by id", async () => {
    await writeFile(path.join(knowledgeDir, "storm-2.txt"), "Storm hits coast\n\nA second storm report.\n");
    const k = await index();
    await k.refresh();
    const titled = k.search.articleList().filter((a) => a.title === "Storm hits coast");
    expect(titled.map((a) => a.id).sort()).toEqual(["storm", "storm-2"]);
    // One summary line, however many titles are shared.
    expect(lines.filter((l) => l.includes("shared by several articles"))).toEqual([
      '[newsdesk] 1 title is shared by several articles (2 articles; e.g. "Storm hits coast": storm, storm-2); they are told apart by id',
    ]);
  });

  it.each([
    ["truncated", async (file: string) => truncate(file, 3000)],
    [
      "garbage",
      async (file: string) => writeFile(file, "not an index at all, just some text that is long enough to be a header ".repeat(20)),
    ],
    [
      "zeroed pages",
      async (file: string) => {
        const bytes = await readFile(file);
        bytes.fill(0x5a, 4096, Math.min(bytes.length, 4096 * 6));
        await writeFile(file, bytes);
      },
    ],
  ])("logs and rebuilds a %s database instead of trusting it", async (_, damage) => {
    const k = await index();
    await k.refresh();
    const first = retrieve(k.search, "When did the storm hit?", { k: 3 });
    closeAll();
    await damage(databaseFile());
    const again = await index();
    const report = await again.refresh();
    expect(report.added.sort()).toEqual(["haftar-visits-ghq", "storm"]);
    expect(lines.some((l) => /unusable|damaged/.test(l))).toBe(true);
    expect(retrieve(again.search, "When did the storm hit?", { k: 3 })).toEqual(first);
    expect((await again.refresh()).unchanged).toBe(2);
  });

  it("removes the caches of earlier versions and stale temporary files, saying so", async () => {
    const folder = indexFolder(cacheDir, knowledgeDir);
    await mkdir(folder, { recursive: true });
    for (const name of ["index.json", "vectors-0123456789ab.bin", "index.json.a1b2c3.tmp"]) await writeFile(path.join(folder, name), "old");
    await refresh();
    expect((await readdir(folder)).filter((f) => !f.startsWith("index.sqlite"))).toEqual([]);
    expect(lines.some((l) => l.includes("Removing index.json from an earlier version of the index"))).toBe(true);
  });

  it("re-indexes everything when the indexing code changed (another pipeline fingerprint)", async () => {
    const k = await index();
    await k.refresh();
    k.db.prepare("UPDATE meta SET value = 'older-code' WHERE key = 'pipeline'").run();
    closeAll();
    expect((await refresh()).added.sort()).toEqual(["haftar-visits-ghq", "storm"]);
    expect(lines.some((l) => l.includes("built by other indexing code"))).toBe(true);
  });

  it("gives the same answers after the cache folder is deleted", async () => {
    const k = await index();
    await k.refresh();
    const before = retrieve(k.search, "Who accompanied Haftar?", { k: 5 });
    closeAll();
    await rm(cacheDir, { recursive: true });
    const rebuilt = await index();
    await rebuilt.refresh();
    expect(retrieve(rebuilt.search, "Who accompanied Haftar?", { k: 5 })).toEqual(before);
  });

  it("keeps every finished batch of an interrupted build and resumes from there", async () => {
    for (let i = 0; i < 6; i++)
      await writeFile(path.join(knowledgeDir, `extra-${i}.txt`), `Extra ${i}\n\nReport number ${i} of the day.\n`);
    let built = 0;
    const failing = (body: string) => {
      if (++built === 5) throw new Error("killed");
      return repairText(body);
    };
    const k = await openKnowledgeIndex({ knowledgeDir, cacheDir, repair: failing, logger: logger(), batch: 2 });
    open.push(k);
    await expect(k.refresh()).rejects.toThrow("killed");
    const kept = k.search.counts().articles;
    expect(kept).toBe(4);
    const report = await refresh();
    expect(report.added).toHaveLength(8 - kept);
    expect(report.unchanged).toBe(kept);
  });

  it("answers from an empty folder with nothing, not an error", async () => {
    const empty = path.join(root, "empty");
    await cp(path.join(knowledgeDir, "storm.txt"), path.join(empty, ".hidden.txt"));
    const k = await index({ dir: empty });
    expect(await k.refresh()).toMatchObject({ added: [], passages: 0 });
    expect(retrieve(k.search, "storm", { k: 3 })).toEqual([]);
  });

  it("says clearly when the folder does not exist", async () => {
    const k = await index({ dir: path.join(root, "nope") });
    await expect(k.refresh()).rejects.toThrow(KnowledgeError);
  });
});
