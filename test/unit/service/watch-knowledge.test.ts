import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fsWatchFolder, type WatchFolder } from "../../../src/service/folder-events.js";
import { watchKnowledge, type KnowledgeWatcher } from "../../../src/service/watch-knowledge.js";
import { createLogger } from "../../../src/log.js";
import type { ReindexReport } from "../../../src/types.js";

const report: ReindexReport = { added: [], changed: [], removed: [], unchanged: 0, problems: [], passages: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (test: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error("condition not met");
    await sleep(20);
  }
};

/** A deep chain of folders (the last file sorts last of all) beside wide folders of many files. */
function tree(): { dir: string; files: number; last: string } {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-watch-tree-"));
  let files = 0;
  for (let f = 0; f < 10; f++) {
    mkdirSync(join(dir, `wide-${f}`));
    for (let i = 0; i < 60; i++, files++) writeFileSync(join(dir, `wide-${f}`, `${i}.md`), `# Article ${f}-${i}\n\nText.`);
  }
  let deep = dir;
  for (let level = 0; level < 25; level++) {
    deep = join(deep, `z${level}`);
    mkdirSync(deep);
    for (let i = 0; i < 3; i++, files++) writeFileSync(join(deep, `${i}.txt`), `Title ${level}\n\nBody.`);
  }
  return { dir, files, last: join(deep, "2.txt") };
}

/** fs.watch until `allowed` folders are watched, then the kernel's answer when its watches run out. */
function limitedWatch(allowed: number): { watchFolder: WatchFolder; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    watchFolder: (folder, onEvent) => {
      if (++calls > allowed) {
        throw Object.assign(new Error(`ENOSPC: System limit for number of file watchers reached, watch '${folder}'`), { code: "ENOSPC" });
      }
      return fsWatchFolder(folder, onEvent);
    },
  };
}

function capture() {
  const lines: { level: string; msg: string }[] = [];
  return { lines, logger: createLogger({ format: "json", write: (line) => lines.push(JSON.parse(line)) }) };
}

let watcher: KnowledgeWatcher | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("watchKnowledge at the watch limit", () => {
  it("falls back to scanning with one warning, and notices a change to the last file of a deep tree once", async () => {
    const t = tree();
    dirs.push(t.dir);
    const limited = limitedWatch(8);
    const { lines, logger } = capture();
    let calls = 0;
    watcher = watchKnowledge(t.dir, async () => (calls++, report), logger, {
      debounceMs: 50,
      pollIntervalMs: 100,
      watchFolder: limited.watchFolder,
    });
    await watcher.settled();
    expect(watcher.detection()).toMatchObject({ kind: "poll", files: t.files, reason: expect.stringContaining("ENOSPC") });
    const warnings = lines.filter((l) => l.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toContain("scanning it every 0.1 s");
    expect(limited.calls()).toBe(9); // no more attempts after the limit

    await sleep(300);
    expect(calls).toBe(0); // scans of an unchanged tree change nothing
    writeFileSync(t.last, "Title 24\n\nBody, edited to a new length.");
    await until(() => calls === 1);
    await sleep(400);
    expect(calls).toBe(1);

    // Same size, new modification time: still a change.
    const later = new Date(Date.now() + 60_000);
    utimesSync(t.last, later, later);
    await until(() => calls === 2);
  });

  it("falls back when not even the folder itself can be watched", async () => {
    const t = tree();
    dirs.push(t.dir);
    const { logger } = capture();
    watcher = watchKnowledge(t.dir, async () => report, logger, { pollIntervalMs: 100, watchFolder: limitedWatch(0).watchFolder });
    await watcher.settled();
    expect(watcher.detection()).toMatchObject({ kind: "poll", files: t.files, reason: "watch limit reached (ENOSPC after 0 folders)" });
  });

  it("with WATCH_KNOWLEDGE=events, says it is not watching rather than watching part of the tree", async () => {
    const t = tree();
    dirs.push(t.dir);
    const { lines, logger } = capture();
    watcher = watchKnowledge(t.dir, async () => report, logger, { mode: "events", watchFolder: limitedWatch(3).watchFolder });
    await watcher.settled();
    expect(watcher.detection()).toEqual({ kind: "manual", reason: "file-system watch failed (ENOSPC after 3 folders)" });
    expect(lines.filter((l) => l.level === "error")).toHaveLength(1);
  });
});

describe("watchKnowledge by scanning (WATCH_KNOWLEDGE=poll)", () => {
  it("notices added, changed and removed articles, one re-index per burst, and ignores other files", async () => {
    const t = tree();
    dirs.push(t.dir);
    let calls = 0;
    const { logger } = capture();
    watcher = watchKnowledge(t.dir, async () => (calls++, report), logger, { mode: "poll", debounceMs: 500, pollIntervalMs: 50 });
    await watcher.settled();
    expect(watcher.detection()).toEqual({ kind: "poll", intervalSeconds: 0.05, files: t.files, reason: "set by WATCH_KNOWLEDGE=poll" });

    mkdirSync(join(t.dir, "new", "deeper"), { recursive: true });
    for (let i = 0; i < 20; i++) writeFileSync(join(t.dir, "new", "deeper", `${i}.md`), `# New ${i}`);
    await until(() => calls === 1);
    await sleep(800);
    expect(calls).toBe(1);

    writeFileSync(join(t.dir, "notes.json"), "{}");
    writeFileSync(join(t.dir, ".hidden.md"), "draft");
    await sleep(800);
    expect(calls).toBe(1);

    rmSync(join(t.dir, "wide-3", "17.md"));
    await until(() => calls === 2);
  });
});

describe("watchKnowledge by events", () => {
  it("takes one watch per folder, not per file, and watches folders created later", async () => {
    const t = tree();
    dirs.push(t.dir);
    let watched = 0;
    const counting: WatchFolder = (folder, onEvent) => (watched++, fsWatchFolder(folder, onEvent));
    let calls = 0;
    const { logger } = capture();
    watcher = watchKnowledge(t.dir, async () => (calls++, report), logger, { debounceMs: 100, watchFolder: counting });
    await watcher.settled();
    expect(watched).toBe(1 + 10 + 25); // the root, the wide folders, the deep chain; 675 files
    expect(watcher.detection()).toEqual({ kind: "events", folders: 36 });

    writeFileSync(t.last, "Title 24\n\nEdited.");
    await until(() => calls === 1);

    mkdirSync(join(t.dir, "later"));
    await until(() => calls === 2);
    await until(() => watcher!.detection().kind === "events" && (watcher!.detection() as { folders: number }).folders === 37);
    writeFileSync(join(t.dir, "later", "a.md"), "# Later");
    await until(() => calls === 3);

    rmSync(join(t.dir, "later"), { recursive: true });
    await until(() => calls === 4);
    await until(() => (watcher!.detection() as { folders: number }).folders === 36);
  });
});
