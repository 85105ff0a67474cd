// Choosing between the models and the lexical path: local folders (intact and broken), the cache,
// a hub that is down, slow or serving files, ANSWER_MODE=lexical, and switching once models appear.
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { cp, mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ModelError } from "../../../src/errors.js";
import { createLogger, silentLogger } from "../../../src/log.js";
import {
  createSummarizer,
  modelCacheDir,
  probeHub,
  resolveModels,
  watchForModels,
  type ModelAvailability,
  type ReadyModels,
} from "../../../src/models/index.js";
import { copyOfFixtureModels, EMBEDDER_ID, fixtureModelsDir, modelSettings, QA_ID, SUMMARIZER_ID } from "../../helpers/fixture-models.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function keep(result: ModelAvailability): ModelAvailability {
  if (result.kind === "ready") cleanup.push(() => result.dispose());
  return result;
}

/** A URL on 127.0.0.1 where nothing listens. */
async function closedPortUrl(): Promise<string> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return `http://127.0.0.1:${port}`;
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler).listen(0, "127.0.0.1");
  await once(server, "listening");
  cleanup.push(() => new Promise((r) => server.close(r)));
  cleanup.push(async () => server.closeAllConnections());
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

const qaFile = (root: string, file: string) => path.join(root, ...QA_ID.split("/"), file);

/** A copy of the fixture models keeping only the graphs of one dtype. */
async function onlyDtype(keepFp32: boolean): Promise<string> {
  const dir = await copyOfFixtureModels();
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  for (const id of [EMBEDDER_ID, QA_ID, SUMMARIZER_ID]) {
    const onnx = path.join(dir, ...id.split("/"), "onnx");
    for (const f of await readdir(onnx)) if (f.includes("_quantized") === keepFp32) await rm(path.join(onnx, f));
  }
  return dir;
}

describe("a local folder holding one dtype only", () => {
  it.each([
    ["only fp32 files", "q8", "fp32"],
    ["only q8 files", "fp32", "q8"],
  ] as const)("with %s loads the dtype present (MODEL_DTYPE=%s) and says so", async (_name, asked, present) => {
    const dir = await onlyDtype(present === "fp32");
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (message: string) => warnings.push(message) };
    const result = keep(await resolveModels(modelSettings({ LOCAL_MODELS_DIR: dir, MODEL_DTYPE: asked }), logger));
    expect(result.kind).toBe("ready");
    const ready = result as ReadyModels;
    expect([ready.embedder.dtype, ready.reader.dtype]).toEqual([present, present]);
    expect(await ready.embedder.embed(["budget"], "passage")).toHaveLength(1);
    expect(warnings.join("\n")).toContain(`MODEL_DTYPE=${asked}`);
    const summarizer = await createSummarizer({ modelId: SUMMARIZER_ID, dtype: asked, source: { kind: "local", dir } });
    expect(summarizer.dtype).toBe(present);
    expect((await summarizer.summarize("A storm hit the coast on Monday.", { maxWords: 10 })).length).toBeGreaterThan(0);
    await summarizer.dispose();
  });

  it("with no graphs at all fails with a ModelError naming the file and the setting", async () => {
    const dir = await onlyDtype(true);
    await rm(qaFile(dir, "onnx/model.onnx"));
    const attempt = resolveModels(modelSettings({ LOCAL_MODELS_DIR: dir }), silentLogger);
    await expect(attempt).rejects.toThrow(ModelError);
    await expect(attempt).rejects.toThrow(qaFile(dir, "onnx/model_quantized.onnx"));
    await expect(attempt).rejects.toThrow(/set MODEL_DTYPE/);
  });
});

describe("resolveModels with a local folder", () => {
  it("loads both models from the folder", async () => {
    const result = keep(await resolveModels(modelSettings({ LOCAL_MODELS_DIR: await fixtureModelsDir() }), silentLogger));
    expect(result).toMatchObject({ kind: "ready", source: "local" });
    const ready = result as ReadyModels;
    expect(ready.embedder.modelId).toBe(EMBEDDER_ID);
    expect(ready.reader.modelId).toBe(QA_ID);
  });

  it.each([
    ["a missing tokenizer", "tokenizer.json", (f: string) => rm(f)],
    ["a truncated onnx file", "onnx/model_quantized.onnx", (f: string) => truncate(f, 5000)],
    ["an empty onnx file", "onnx/model_quantized.onnx", (f: string) => truncate(f, 0)],
    ["a corrupt config", "config.json", (f: string) => writeFile(f, "{ not json")],
    ["a corrupt tokenizer", "tokenizer.json", (f: string) => writeFile(f, '{"model": {"type": "Nope"}}')],
  ])("fails with a ModelError naming the file for %s", async (_name, file, breakIt) => {
    const dir = await copyOfFixtureModels();
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    await breakIt(qaFile(dir, file));
    const attempt = resolveModels(modelSettings({ LOCAL_MODELS_DIR: dir }), silentLogger);
    await expect(attempt).rejects.toThrow(ModelError);
    await expect(attempt).rejects.toThrow(qaFile(dir, file));
  });
});

describe("resolveModels without a local folder", () => {
  it("answers 'unavailable' at once when nothing is cached and the hub port is closed", { timeout: 5000 }, async () => {
    const settings = modelSettings({ CACHE_DIR: await tempDir("newsdesk-cache-"), MODEL_HUB_URL: await closedPortUrl() });
    const result = await resolveModels(settings, silentLogger);
    expect(result.kind).toBe("unavailable");
    expect((result as { reason: string }).reason).toMatch(/unreachable/);
  });

  it(
    "says the hub is unreachable once, at info (lexical mode still answers); a retry says it only at debug",
    { timeout: 5000 },
    async () => {
      const settings = modelSettings({ CACHE_DIR: await tempDir("newsdesk-cache-"), MODEL_HUB_URL: await closedPortUrl() });
      const lines: string[] = [];
      const logger = createLogger({ level: "info", write: (l) => lines.push(l) });
      await resolveModels(settings, logger);
      await resolveModels(settings, logger, { retry: true });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^\[newsdesk\] models unavailable; answering in lexical mode/);
    },
  );

  it("gives up on a hub that accepts connections but never answers, after MODEL_NETWORK_TIMEOUT_MS", { timeout: 5000 }, async () => {
    const { url } = await serve(() => {
      /* never answers */
    });
    const settings = modelSettings({ CACHE_DIR: await tempDir("newsdesk-cache-"), MODEL_HUB_URL: url, MODEL_NETWORK_TIMEOUT_MS: 300 });
    const result = await resolveModels(settings, silentLogger);
    expect(result).toEqual({ kind: "unavailable", reason: expect.stringMatching(/did not answer within 300 ms/) });
  });

  it("loads cached models with no network", async () => {
    const cache = await tempDir("newsdesk-cache-");
    await cp(await fixtureModelsDir(), modelCacheDir({ CACHE_DIR: cache }), { recursive: true });
    const result = keep(await resolveModels(modelSettings({ CACHE_DIR: cache, MODEL_HUB_URL: await closedPortUrl() }), silentLogger));
    expect(result).toMatchObject({ kind: "ready", source: "cache" });
  });

  it("downloads from a reachable hub into the cache, reporting progress", async () => {
    const root = await fixtureModelsDir();
    const requests: string[] = [];
    const { url } = await serve(async (req, res) => {
      requests.push(`${req.method} ${req.url}`);
      const match = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(req.url ?? "");
      const file = match ? path.join(root, ...match[1]!.split("/"), match[2]!) : "";
      const body = file ? await readFile(file).catch(() => null) : null;
      if (!body) return res.writeHead(404).end();
      res.writeHead(200, { "content-length": body.length });
      res.end(req.method === "HEAD" ? undefined : body);
    });
    const cache = await tempDir("newsdesk-cache-");
    const progress: string[] = [];
    const settings = modelSettings({ CACHE_DIR: cache, MODEL_HUB_URL: url });
    const result = keep(await resolveModels(settings, silentLogger, { onProgress: (p) => progress.push(`${p.status} ${p.file}`) }));
    expect(result).toMatchObject({ kind: "ready", source: "download" });
    expect(requests).toContain(`GET /${QA_ID}/resolve/main/onnx/model_quantized.onnx`);
    expect(progress).toContain("done onnx/model_quantized.onnx");
    const again = keep(await resolveModels({ ...settings, MODEL_HUB_URL: await closedPortUrl() }, silentLogger));
    expect(again).toMatchObject({ kind: "ready", source: "cache" });
  });

  it("answers 'unavailable' when the hub answers the probe but then stalls on a file", { timeout: 5000 }, async () => {
    const { url } = await serve((req, res) => {
      if (req.method === "HEAD") res.writeHead(200).end();
      // GETs never answer
    });
    const settings = modelSettings({ CACHE_DIR: await tempDir("newsdesk-cache-"), MODEL_HUB_URL: url, MODEL_NETWORK_TIMEOUT_MS: 100 });
    const result = await resolveModels(settings, silentLogger, { onProgress: () => {} });
    expect(result).toEqual({ kind: "unavailable", reason: expect.stringMatching(/download failed/) });
  });

  it("with download: false, answers 'unavailable' at once rather than downloading", async () => {
    const { url } = await serve((_req, res) => res.writeHead(200).end());
    const settings = modelSettings({ CACHE_DIR: await tempDir("newsdesk-cache-"), MODEL_HUB_URL: url });
    const result = await resolveModels(settings, silentLogger, { download: false });
    expect(result).toEqual({ kind: "unavailable", reason: expect.stringMatching(/not downloaded yet/) });
  });

  it("never loads models when ANSWER_MODE=lexical", async () => {
    const result = await resolveModels(modelSettings({ ANSWER_MODE: "lexical", LOCAL_MODELS_DIR: "/nonexistent" }), silentLogger);
    expect(result).toEqual({ kind: "disabled", reason: "ANSWER_MODE=lexical" });
  });
});

describe("watchForModels", () => {
  it("stays lexical while the models are missing and hands them over once they appear", async () => {
    const cache = await tempDir("newsdesk-cache-");
    const ready: ReadyModels[] = [];
    const watcher = watchForModels(modelSettings({ CACHE_DIR: cache, MODEL_HUB_URL: await closedPortUrl() }), silentLogger, {
      intervalMs: 60_000,
      onReady: (m) => ready.push(m),
    });
    cleanup.push(async () => watcher.stop());
    expect(await watcher.check()).toBe(false);
    await cp(await fixtureModelsDir(), modelCacheDir({ CACHE_DIR: cache }), { recursive: true });
    expect(await watcher.check()).toBe(true);
    expect(ready).toHaveLength(1);
    expect(ready[0]!.source).toBe("cache");
    cleanup.push(() => ready[0]!.dispose());
    expect(await watcher.check()).toBe(false);
  });
});

describe("probeHub", () => {
  it.each([
    [200, { ok: true }],
    [404, { ok: false, reason: expect.stringMatching(/HTTP 404/) }],
  ])("treats HTTP %i from the hub accordingly", async (status, expected) => {
    const { url } = await serve((_req, res) => res.writeHead(status).end());
    expect(await probeHub(url, EMBEDDER_ID, 2000)).toEqual(expected);
  });
});
