import { cp, mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indexFolder, loadIndexCache } from "../../../src/search/index-cache.js";
import { writeCheckedFile } from "../../../src/search/checked-file.js";
import { refreshIndex } from "../../../src/search/refresh.js";
import { repairText } from "../../../src/knowledge/repair/index.js";
import { silentLogger } from "../../../src/log.js";
import { KnowledgeError } from "../../../src/errors.js";

let root: string;
let knowledgeDir: string;
let cacheDir: string;

const refresh = () => refreshIndex({ knowledgeDir, cacheDir, repair: repairText, logger: silentLogger });

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-index-"));
  knowledgeDir = path.join(root, "knowledge");
  cacheDir = path.join(root, "cache");
  await cp("knowledge", knowledgeDir, { recursive: true });
  await writeFile(
    path.join(knowledgeDir, "storm.txt"),
    "Storm hits coast\n\nA storm hit the coast on Monday.\n\nRepairs will take three days.\n",
  );
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("refreshIndex", () => {
  it("indexes every article and caches the result outside the knowledge folder", async () => {
    const { items, report } = await refresh();
    expect(items.map((i) => i.article.id).sort()).toEqual(["haftar-visits-ghq", "storm"]);
    expect(report.added.sort()).toEqual(["haftar-visits-ghq", "storm"]);
    expect(await readdir(indexFolder(cacheDir, knowledgeDir))).toContain("index.json");
    expect(await readdir(knowledgeDir)).toEqual(["haftar-visits-ghq.md", "storm.txt"]);
  });

  it("re-processes only the changed article on the next refresh", async () => {
    await refresh();
    await writeFile(path.join(knowledgeDir, "storm.txt"), "Storm hits coast\n\nA storm hit the coast on Tuesday.\n");
    await writeFile(path.join(knowledgeDir, "new.md"), "---\ntitle: New one\n---\nSomething new happened today.\n");
    const { report } = await refresh();
    expect(report).toMatchObject({ added: ["new"], changed: ["storm"], removed: [], unchanged: 1 });
    await rm(path.join(knowledgeDir, "new.md"));
    expect((await refresh()).report).toMatchObject({ added: [], changed: [], removed: ["new"], unchanged: 2 });
  });

  it("reports broken files by name and still loads every other file", async () => {
    await writeFile(path.join(knowledgeDir, "empty.md"), "");
    await writeFile(path.join(knowledgeDir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    await writeFile(path.join(knowledgeDir, "latin1.txt"), Buffer.from("Caf\xe9 news\n\nCaf\xe9 opened.\n", "latin1"));
    await writeFile(path.join(knowledgeDir, "bad-front.md"), "---\ntitle: [oops\n---\nBody.\n");
    const { items, report } = await refresh();
    expect(items).toHaveLength(2);
    expect(report.problems.map((p) => p.file).sort()).toEqual(["bad-front.md", "binary.txt", "empty.md", "latin1.txt"]);
    expect(report.problems.find((p) => p.file === "latin1.txt")!.reason).toMatch(/UTF-8/);
  });

  it("keeps two articles with the same title apart by id", async () => {
    await writeFile(path.join(knowledgeDir, "storm-2.txt"), "Storm hits coast\n\nA second storm report.\n");
    const { items } = await refresh();
    expect(
      items
        .filter((i) => i.article.title === "Storm hits coast")
        .map((i) => i.article.id)
        .sort(),
    ).toEqual(["storm", "storm-2"]);
  });

  it.each([
    ["truncated", async (file: string) => truncate(file, 200)],
    ["tampered", async (file: string) => writeFile(file, (await readFile(file, "utf8")).replace("Haftar", "Hafter"))],
    ["garbage", async (file: string) => writeFile(file, "not an index at all")],
  ])("rebuilds a %s cache instead of trusting it", async (_, damage) => {
    const first = await refresh();
    await damage(path.join(indexFolder(cacheDir, knowledgeDir), "index.json"));
    const second = await refresh();
    expect(second.report.added.sort()).toEqual(["haftar-visits-ghq", "storm"]);
    expect(second.items.map((i) => i.article.text)).toEqual(first.items.map((i) => i.article.text));
    // …and the rebuilt cache is sound again.
    expect((await refresh()).report.unchanged).toBe(2);
  });

  it("rebuilds a sound cache that older code built (another pipeline fingerprint)", async () => {
    await refresh();
    const folder = indexFolder(cacheDir, knowledgeDir);
    const entries = (await loadIndexCache(folder))!;
    await writeCheckedFile(path.join(folder, "index.json"), "newsdesk-index", 1, Buffer.from(JSON.stringify(entries)), {
      pipeline: "older-code",
    });
    expect((await refresh()).report.added.sort()).toEqual(["haftar-visits-ghq", "storm"]);
  });

  it("answers from an empty folder with nothing, not an error", async () => {
    const empty = path.join(root, "empty");
    await cp(path.join(knowledgeDir, "storm.txt"), path.join(empty, ".hidden.txt"));
    const result = await refreshIndex({ knowledgeDir: empty, cacheDir, repair: repairText, logger: silentLogger });
    expect(result.items).toEqual([]);
  });

  it("says clearly when the folder does not exist", async () => {
    await expect(
      refreshIndex({ knowledgeDir: path.join(root, "nope"), cacheDir, repair: repairText, logger: silentLogger }),
    ).rejects.toThrow(KnowledgeError);
  });
});
