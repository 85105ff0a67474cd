// `npm run worker` as a process (the shared service runner with the answer worker as its face):
// refuses to start without REDIS_URL (exit 78, naming it), serves /healthz with its replica's state,
// and on SIGTERM leaves the worker registry and exits 0.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../src/scale/redis-connection.js";
import { listWorkers } from "../../src/scale/worker-registry.js";
import { freePort, startRedis, type TestRedis } from "../helpers/redis-server.js";
import { TOKEN } from "./fake-discord/world.js";
import { startProcess, until } from "./scale-processes.js";

const ROOT = resolve(import.meta.dirname, "../..");
let redis: TestRedis;
let watcher: Redis;
const work = mkdtempSync(join(tmpdir(), "newsdesk-worker-proc-"));

beforeAll(async () => {
  redis = await startRedis();
  watcher = new Redis(redis.url, { maxRetriesPerRequest: null });
  cpSync(join(ROOT, "knowledge"), join(work, "knowledge"), { recursive: true });
}, 30_000);
afterAll(async () => {
  watcher?.disconnect();
  await redis?.stop();
});

const env = (extra: Record<string, string>) => ({
  HOME: work,
  DISCORD_TOKEN: TOKEN,
  DISCORD_API_URL: "http://127.0.0.1:9/api",
  KNOWLEDGE_DIR: join(work, "knowledge"),
  CACHE_DIR: join(work, "cache"),
  ...extra,
});

describe("npm run worker", () => {
  it("refuses to start without REDIS_URL, naming it, with the configuration exit code", async () => {
    const p = startProcess("no-redis", "worker", env({}));
    expect(await p.exited).toBe(78);
    expect(p.logs.map((l) => l.msg).join("\n")).toMatch(/REDIS_URL is not set: answer workers take their questions from Redis/);
  }, 30_000);

  it("serves /healthz with its replica's state and leaves the registry on SIGTERM, exiting 0", async () => {
    const port = await freePort();
    const p = startProcess("w1", "worker", env({ REDIS_URL: redis.url, REDIS_PREFIX: "wp", WORKER_ID: "w1", HEALTH_PORT: String(port) }));
    const url = `http://127.0.0.1:${port}/healthz`;
    const body = await until(
      async () => {
        const res = await fetch(url).catch(() => null);
        return res?.status === 200 ? res.json() : undefined;
      },
      60_000,
      "a healthy worker",
    );
    expect(body).toMatchObject({ ok: true, state: "ready", worker: "w1", replica: "ready", mode: "lexical" });
    expect(body.articles).toBeGreaterThan(0);
    expect((await listWorkers(watcher, keys("wp"))).map((w) => w.id)).toEqual(["w1"]);
    expect(p.logs.some((l) => l.msg === "answer worker started" && l.worker === "w1")).toBe(true);

    expect(await p.stop("SIGTERM")).toBe(0);
    expect(p.logs.some((l) => l.msg === "stopped")).toBe(true);
    expect(await listWorkers(watcher, keys("wp"))).toEqual([]);
  }, 90_000);
});
