import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNewsdesk, type LocalNewsdesk, type NewsdeskOptions } from "../../../src/app.js";
import { loadConfig } from "../../../src/config/index.js";
import { createLogger } from "../../../src/log.js";
import { indexFolder } from "../../../src/search/knowledge-index.js";
import { fixtureModelsDir } from "../../helpers/fixture-models.js";

// The bot in model mode with the HNSW graph on a worker thread (the threshold lowered so a small
// folder crosses it), on the tiny generated models: it answers at once while the graph is built,
// reads the graph back after a restart, and rebuilds a damaged one with a log line.

let root: string;
let knowledgeDir: string;
let cacheDir: string;
let models: string;
let lines: string[];

const bot: NewsdeskOptions = {
  embedInBackground: true,
  thresholds: { model: { answer: 0, relevant: 0 } },
  denseIndex: { approximateFrom: 20, sliceMs: 1 },
};

async function start(): Promise<LocalNewsdesk> {
  lines = [];
  const config = loadConfig({ KNOWLEDGE_DIR: knowledgeDir, CACHE_DIR: cacheDir, LOCAL_MODELS_DIR: models, MODEL_DTYPE: "q8" }, {});
  return createNewsdesk(config, createLogger({ level: "info", write: (l) => lines.push(l) }), bot);
}

async function graphReady(newsdesk: LocalNewsdesk): Promise<void> {
  for (let i = 0; i < 3000 && newsdesk.status().vectorSearch?.search !== "graph-ready"; i++) await new Promise((r) => setTimeout(r, 10));
  expect(newsdesk.status().vectorSearch?.search).toBe("graph-ready");
}

const graphFile = async () => {
  const folder = indexFolder(cacheDir, knowledgeDir);
  const name = (await readdir(folder)).find((f) => /^hnsw-.*\.bin$/.test(f));
  return name && path.join(folder, name);
};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-graph-"));
  knowledgeDir = path.join(root, "knowledge");
  cacheDir = path.join(root, "cache");
  models = await fixtureModelsDir();
  await mkdir(knowledgeDir);
  for (let i = 0; i < 40; i++) {
    await writeFile(
      path.join(knowledgeDir, `port-${i}.txt`),
      `Port ${i} news\n\nThe harbour of town ${i} reopened after repairs to pier ${i}.\n\nFerry ${i} sailed to island ${i} again.\n`,
    );
  }
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe("model mode with the vector graph on a worker thread", () => {
  it("answers from the first question on while the vectors are embedded and the graph built, then searches the graph", async () => {
    const newsdesk = await start();
    const first = await newsdesk.ask("When did the harbour of town 7 reopen?");
    expect(first.nearest.length).toBeGreaterThan(0);
    await graphReady(newsdesk);
    expect(newsdesk.status().vectorSearch!.vectors).toBe(newsdesk.status().passages);
    const later = await newsdesk.ask("When did the harbour of town 7 reopen?");
    // Random weights: the dense half ranks nothing meaningfully, so only the path is checked here.
    expect(later.nearest.length).toBeGreaterThan(0);
    await newsdesk.close();
    expect(await graphFile()).toBeDefined();
  });

  it("reads the graph back from its file after a restart", async () => {
    const newsdesk = await start();
    await graphReady(newsdesk);
    expect(lines.some((l) => l.includes("Approximate vector search (HNSW)") && l.includes('"loaded":true'))).toBe(true);
    expect((await newsdesk.ask("Where did ferry 3 sail?")).nearest.length).toBeGreaterThan(0);
    await newsdesk.close();
  });

  it("rebuilds a damaged graph file with a log line, answering meanwhile", async () => {
    const file = (await graphFile())!;
    await truncate(file, Math.floor((await stat(file)).size / 3));
    const newsdesk = await start();
    expect((await newsdesk.ask("Where did ferry 3 sail?")).nearest.length).toBeGreaterThan(0);
    await graphReady(newsdesk);
    expect(lines.some((l) => l.includes("unreadable; rebuilding"))).toBe(true);
    expect(lines.some((l) => l.includes("Approximate vector search (HNSW)") && l.includes('"loaded":false'))).toBe(true);
    await newsdesk.close();
    expect(existsSync(file)).toBe(true);
  });
});
