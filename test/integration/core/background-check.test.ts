// The bot's start: it answers from the index as it is while the folder is compared with it, and
// what changed while it was stopped is still picked up. A real Newsdesk over real files.
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createNewsdesk, type LocalNewsdesk, type NewsdeskOptions } from "../../../src/app.js";
import { loadConfig } from "../../../src/config/index.js";
import { silentLogger } from "../../../src/log.js";

let root: string;
let knowledgeDir: string;
let newsdesk: LocalNewsdesk | undefined;

/** Wired as the bot's service wires it (src/service/run-service.ts), without Discord. */
const BOT: NewsdeskOptions = { reindexOffThread: true, catalogInBackground: true, checkFolderInBackground: true };

const open = async (options: NewsdeskOptions = {}) => {
  const config = loadConfig(
    { ANSWER_MODE: "lexical", KNOWLEDGE_DIR: knowledgeDir, CACHE_DIR: path.join(root, "cache") },
    {},
    path.join(root, "none.env"),
  );
  newsdesk = await createNewsdesk(config, silentLogger, options);
  return newsdesk;
};
const stop = async () => {
  await newsdesk?.close();
  newsdesk = undefined;
};
const harbour = (day: string) => `Harbour flooded\n\nThe harbour flooded on ${day} after the storm surge.\n`;
const QUESTION = "When did the harbour flood?";
const nearestText = async (nd: LocalNewsdesk) => (await nd.ask(QUESTION)).nearest[0]?.text ?? "";

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-start-"));
  knowledgeDir = path.join(root, "knowledge");
  await mkdir(path.join(knowledgeDir, "local"), { recursive: true });
  await writeFile(path.join(knowledgeDir, "local", "harbour.txt"), harbour("Tuesday"));
  await writeFile(path.join(knowledgeDir, "storm.txt"), "Storm hits coast\n\nA storm hit the coast on Monday.\n");
});

afterEach(async () => {
  await stop();
  await rm(root, { recursive: true, force: true });
});

describe("the bot's start with the folder compared in the background", () => {
  it("answers from the index as it was before the comparison ends, then picks up what changed while stopped", async () => {
    await open(BOT);
    await newsdesk!.startup;
    await stop();
    // Edited while the bot was stopped (another size and time), and a whole folder added.
    await writeFile(path.join(knowledgeDir, "local", "harbour.txt"), harbour("Friday, a week later,"));
    await mkdir(path.join(knowledgeDir, "world"));
    await writeFile(path.join(knowledgeDir, "world", "quake.txt"), "Quake shakes city\n\nAn earthquake shook the city at dawn.\n");

    const nd = await open(BOT);
    const checking = nd.status().folder;
    expect(checking.checkingSince).toBeInstanceOf(Date);
    expect(checking.last).toBeNull();
    // The first answer does not wait for the comparison: it comes from the index as it was.
    expect(await nearestText(nd)).toContain("on Tuesday");
    expect(nd.status().articles).toBe(2);

    const report = await nd.startup;
    expect(report.changed).toEqual(["local/harbour"]);
    expect(report.added).toEqual(["world/quake"]);
    expect(await nearestText(nd)).toContain("on Friday");
    const checked = nd.status().folder;
    expect(checked.checkingSince).toBeNull();
    expect(checked.last).toEqual({ at: expect.any(Date), changed: 2 });
    // The article list is built from the checked index, by the time the start has settled.
    await nd.settled;
    expect(nd.findArticles("quake", 5).map((m) => m.article.id)).toEqual(["world/quake"]);
  });

  it("builds an empty index before the start ends: there is nothing to answer from yet", async () => {
    const nd = await open(BOT);
    expect(nd.status().folder.checkingSince).toBeNull();
    expect(nd.status().articles).toBe(2);
    expect((await nd.startup).added.sort()).toEqual(["local/harbour", "storm"]);
    expect(await nearestText(nd)).toContain("on Tuesday");
  });

  it("removes the articles of a folder deleted while stopped, and counts a touched file as unchanged", async () => {
    await open(BOT);
    await newsdesk!.startup;
    await stop();
    await rm(path.join(knowledgeDir, "local"), { recursive: true });
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(knowledgeDir, "storm.txt"), later, later);

    const nd = await open(BOT);
    const report = await nd.startup;
    expect(report.removed).toEqual(["local/harbour"]);
    expect(report.unchanged).toBe(1);
    expect(nd.status().articles).toBe(1);
    expect(await nearestText(nd)).not.toContain("harbour");
  });

  it("without the option (the command line), the start waits for the comparison and says so", async () => {
    await open();
    await stop();
    await writeFile(path.join(knowledgeDir, "local", "harbour.txt"), harbour("Friday, a week later,"));
    const nd = await open();
    expect(nd.status().folder).toEqual({ checkingSince: null, last: { at: expect.any(Date), changed: 1 } });
    expect((await nd.startup).changed).toEqual(["local/harbour"]);
    expect(await nearestText(nd)).toContain("on Friday");
  });

  it("says when a comparison failed and keeps answering from the index as it was", async () => {
    await open(BOT);
    await newsdesk!.startup;
    await stop();
    await rm(knowledgeDir, { recursive: true });
    const nd = await open(BOT);
    await expect(nd.startup).rejects.toThrow(/cannot be read/);
    await expect(nd.settled).resolves.toBeUndefined(); // the start still ends
    expect(nd.status().folder.last).toEqual({ at: expect.any(Date), failed: expect.stringMatching(/cannot be read/) });
    expect(await nearestText(nd)).toContain("on Tuesday");
  });
});
