// Scale-out figures: questions a second with 1, 2 and 3 answer worker processes on this machine, and
// the latency the queue adds (enqueue → reply delivered, against answering in process and delivering
// the same way), in model mode (default-shape models, one ONNX Runtime thread per process) or lexical. Workers run the real entry (src/worker/main.ts) on a Redis of the bench's own and
// deliver to a local stand-in for Discord's webhook endpoint, which timestamps each reply.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import { loadConfig } from "../../src/config/index.js";
import { silentLogger } from "../../src/log.js";
import { bullJobQueue } from "../../src/scale/job-queue.js";
import { keys } from "../../src/scale/redis-connection.js";
import { listWorkers } from "../../src/scale/worker-registry.js";
import type { WorkJob } from "../../src/scale/work.js";
import { restDelivery } from "../../src/discord/delivery/rest-delivery.js";
import { replyFor } from "../../src/worker/reply-for.js";
import { startRedis } from "../local-redis.js";
import { ensureBenchModels } from "./bench-models.js";
import { summarize, type LatencySummary } from "./percentiles.js";
import { titleQuestions } from "./title-questions.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const APP = "1400000000000000001";
const TOKEN = `${Buffer.from(APP).toString("base64")}.bench.token`;

export interface ScaleOutOptions {
  knowledgeDir: string;
  /** "model": default-shape q8 models with seeded weights (generated once into workDir), ONNX at one thread. */
  mode: "model" | "lexical";
  /** Where the generated models are kept between runs. */
  workDir: string;
  /** The data folder (its model-configs give the models the published tokenizers). */
  dataDir: string;
  questions: number;
  latencyRuns: number;
  workerCounts: number[];
  log: (line: string) => void;
}

export interface ScaleOutFigures {
  mode: "model" | "lexical";
  articles: number;
  throughput: { workers: number; questionsPerSecond: number }[];
  /** Throughput with 2 workers over 1. */
  speedup2: number | null;
  inProcess: LatencySummary;
  queued: LatencySummary;
  overhead: { p50_ms: number; p95_ms: number };
}

/** A stand-in for Discord's webhook edit: records when each reply arrives. */
async function replySink(): Promise<{
  server: Server;
  api: string;
  arrived: Map<string, number>;
  waitFor(token: string): Promise<number>;
}> {
  const arrived = new Map<string, number>();
  const waiters = new Map<string, (t: number) => void>();
  const server = createServer((req, res) => {
    const at = performance.now();
    // discord.js sends "@original" URL-encoded (%40original), as Discord accepts it.
    const token = /\/webhooks\/\d+\/([^/]+)\/messages\/@original/.exec(decodeURIComponent(req.url ?? ""))?.[1];
    req.resume();
    req.on("end", () => {
      if (req.method === "PATCH" && token) {
        arrived.set(token, at);
        waiters.get(token)?.(at);
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "1", flags: 0 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  return {
    server,
    api,
    arrived,
    waitFor: (token) => {
      const seen = arrived.get(token);
      return seen !== undefined ? Promise.resolve(seen) : new Promise((r) => waiters.set(token, r));
    },
  };
}

function startWorker(id: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", TSX, path.join(ROOT, "src/worker/main.ts")], {
    env: { PATH: process.env.PATH ?? "", ...env, WORKER_ID: id, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map((c) => (c.exitCode !== null ? undefined : new Promise<void>((r) => (c.once("exit", () => r()), c.kill("SIGTERM"))))),
  );
}

const job = (n: number, question: string, tag: string): WorkJob => ({
  id: `${tag}-${n}`,
  userId: "bench",
  work: { kind: "ask", question },
  target: { kind: "interaction", applicationId: APP, token: `${tag}-${n}` },
  enqueuedAt: Date.now(),
});

export async function benchScaleOut(options: ScaleOutOptions): Promise<ScaleOutFigures> {
  const { log } = options;
  const work = mkdtempSync(path.join(tmpdir(), "newsdesk-bench-scale-"));
  const redis = await startRedis();
  const sink = await replySink();
  const watcher = new Redis(redis.url, { maxRetriesPerRequest: null });
  watcher.on("error", () => undefined);
  // Every worker started, so a run that fails half way leaves none behind.
  const started: ChildProcess[] = [];
  const base: Record<string, string> = {
    HOME: work,
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: sink.api,
    REDIS_URL: redis.url,
    KNOWLEDGE_DIR: options.knowledgeDir,
    WATCH_KNOWLEDGE: "off",
  };
  try {
    // Both paths answer alike: the same models, one ONNX Runtime thread (so workers do not fight over cores).
    const answering: Record<string, string> = { ANSWER_MODE: "lexical" };
    if (options.mode === "model") {
      const tokenizers = path.resolve(options.dataDir, "model-configs");
      const modelsDir = await ensureBenchModels(options.workDir, "q8", log, existsSync(tokenizers) ? tokenizers : undefined);
      Object.assign(answering, { ANSWER_MODE: "auto", LOCAL_MODELS_DIR: modelsDir, MODEL_DTYPE: "q8" });
    }
    const oneThread = { MODEL_THREADS: "1" };
    Object.assign(base, answering, oneThread);
    // The index (and in model mode its embeddings) is built once here; every worker starts from a
    // copy of it, so a worker embeds nothing and only loads.
    // It is kept in the cache folder between runs (the BBC corpus embeds in about 4 minutes on 2 idle
    // cores), and built with every core: only answering is held to one thread.
    const cacheDir = path.join(options.workDir, "scale-out-index", `${path.basename(options.knowledgeDir)}-${options.mode}`);
    log(`indexing the corpus once (${options.mode} mode; kept in ${cacheDir})`);
    const { createNewsdesk } = await import("../../src/app.js");
    const settings = { KNOWLEDGE_DIR: options.knowledgeDir, CACHE_DIR: cacheDir, ...answering };
    await (await createNewsdesk(loadConfig(settings, {}), silentLogger)).close();
    const newsdesk = await createNewsdesk(loadConfig({ ...settings, ...oneThread }, {}), silentLogger);
    if (newsdesk.status().mode !== options.mode)
      throw new Error(`the index came up in ${newsdesk.status().mode} mode, not ${options.mode}`);
    const titles = newsdesk.articles().map((a) => a.title);
    const questions = titleQuestions(titles, Math.max(options.questions, options.latencyRuns));
    const workerEnv = (id: string) => {
      const dir = path.join(work, `cache-${id}`);
      cpSync(cacheDir, dir, { recursive: true });
      return { ...base, CACHE_DIR: dir };
    };

    // In process: answer, format and deliver to the same sink, one question at a time.
    const deliver = restDelivery(TOKEN, { api: sink.api, logger: silentLogger });
    const inProcess: number[] = [];
    // Warmed up as the workers are, untimed.
    for (const q of questions.slice(0, 3)) await replyFor(newsdesk, { kind: "ask", question: q });
    for (let n = 0; n < options.latencyRuns; n++) {
      const j = job(n, questions[n]!, "local");
      const t0 = performance.now();
      await deliver.send(j.target, await replyFor(newsdesk, j.work), j);
      inProcess.push((await sink.waitFor(j.id)) - t0);
    }
    await newsdesk.close();

    const throughput: ScaleOutFigures["throughput"] = [];
    const queued: number[] = [];
    for (const count of options.workerCounts) {
      const prefix = `bench${count}`;
      const k = keys(prefix);
      const children = Array.from({ length: count }, (_, i) =>
        startWorker(`w${i + 1}`, { ...workerEnv(`${count}-${i}`), REDIS_PREFIX: prefix }),
      );
      started.push(...children);
      const deadline = Date.now() + 180_000;
      for (;;) {
        const ready = (await listWorkers(watcher, k)).filter((w) => w.state === "ready");
        const wrong = ready.find((w) => w.mode !== options.mode);
        if (wrong) throw new Error(`worker ${wrong.id} answers in ${wrong.mode} mode, not ${options.mode}`);
        if (ready.length >= count) break;
        if (Date.now() > deadline) throw new Error(`${count} workers did not become ready`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const connection = watcher.duplicate();
      const queue = bullJobQueue(connection, { prefix, name: k.queue, attempts: 3 });
      // Warm-up, untimed: a worker's first answers are slow (ONNX sessions, caches), and with more
      // workers more of them would fall inside the timed run.
      const warm = questions.slice(0, 3 * count).map((q, n) => job(n, q, `warm${count}`));
      await Promise.all(warm.map((j) => queue.enqueue(j)));
      await Promise.all(warm.map((j) => sink.waitFor(j.id)));
      if (count === 1) {
        // Queue latency: one question at a time, enqueue → reply at the sink.
        for (let n = 0; n < options.latencyRuns; n++) {
          const j = job(n, questions[n]!, `lat${count}`);
          const t0 = performance.now();
          await queue.enqueue(j);
          queued.push((await sink.waitFor(j.id)) - t0);
        }
      }
      // Throughput: all questions queued at once, until the last reply arrives.
      const jobs = questions.slice(0, options.questions).map((q, n) => job(n, q, `tp${count}`));
      const t0 = performance.now();
      await Promise.all(jobs.map((j) => queue.enqueue(j)));
      const last = Math.max(...(await Promise.all(jobs.map((j) => sink.waitFor(j.id)))));
      const perSecond = jobs.length / ((last - t0) / 1000);
      throughput.push({ workers: count, questionsPerSecond: Math.round(perSecond * 10) / 10 });
      log(`${count} worker(s): ${perSecond.toFixed(1)} questions/s`);
      await queue.close();
      // BullMQ does not close a connection it was given: left open, it retries a stopped Redis for ever.
      connection.disconnect();
      await stopAll(children);
    }
    const one = throughput.find((t) => t.workers === 1)?.questionsPerSecond;
    const two = throughput.find((t) => t.workers === 2)?.questionsPerSecond;
    const local = summarize(inProcess);
    const viaQueue = summarize(queued);
    return {
      mode: options.mode,
      articles: titles.length,
      throughput,
      speedup2: one && two ? Math.round((two / one) * 100) / 100 : null,
      inProcess: local,
      queued: viaQueue,
      overhead: {
        p50_ms: Math.round((viaQueue.p50_ms - local.p50_ms) * 100) / 100,
        p95_ms: Math.round((viaQueue.p95_ms - local.p95_ms) * 100) / 100,
      },
    };
  } finally {
    await stopAll(started);
    watcher.disconnect();
    sink.server.closeAllConnections();
    sink.server.close();
    await redis.stop();
  }
}
