import { mkdtempSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startHealthServer } from "../../../src/service/health-server.js";
import { loadBotConfig } from "../../../src/service/startup-config.js";
import { watchKnowledge } from "../../../src/service/watch-knowledge.js";
import { ConfigError } from "../../../src/errors.js";
import { silentLogger } from "../../../src/log.js";
import type { ReindexReport } from "../../../src/types.js";

const report: ReindexReport = { added: [], changed: [], removed: [], unchanged: 0, problems: [], passages: 0 };
const until = async (test: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error("condition not met");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("watchKnowledge", () => {
  it("re-indexes once for a burst of changes, including in subfolders, and ignores hidden files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-watch-"));
    await mkdir(join(dir, "world"));
    let calls = 0;
    const w = watchKnowledge(dir, async () => (calls++, report), silentLogger, { debounceMs: 250 });
    writeFileSync(join(dir, "a.md"), "one");
    writeFileSync(join(dir, "world", "b.md"), "two");
    writeFileSync(join(dir, "a.md"), "one again");
    await until(() => calls === 1);
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toBe(1);
    writeFileSync(join(dir, ".a.md.swp"), "editor noise");
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toBe(1);
    await w.close();
  });

  it("keeps watching after a failed re-index", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-watch-"));
    let calls = 0;
    const w = watchKnowledge(
      dir,
      async () => {
        calls++;
        if (calls === 1) throw new Error("disk hiccup");
        return report;
      },
      silentLogger,
      { debounceMs: 50 },
    );
    writeFileSync(join(dir, "a.md"), "one");
    await until(() => calls === 1);
    writeFileSync(join(dir, "b.md"), "two");
    await until(() => calls === 2);
    await w.close();
  });

  it("ignores a cache folder kept inside the knowledge folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-watch-"));
    await mkdir(join(dir, "cache"));
    let calls = 0;
    const w = watchKnowledge(dir, async () => (calls++, report), silentLogger, { debounceMs: 50, cacheDir: join(dir, "cache") });
    writeFileSync(join(dir, "cache", "index.json"), "{}");
    await new Promise((r) => setTimeout(r, 250));
    expect(calls).toBe(0);
    writeFileSync(join(dir, "article.md"), "news");
    await until(() => calls === 1);
    await w.close();
  });
});

describe("health server", () => {
  it("answers /healthz on loopback with 200 when ready and 503 otherwise", async () => {
    let ok = false;
    const server = await startHealthServer(0, () => ({ ok, state: ok ? "ready" : "starting" }));
    const url = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
    ok = true;
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, state: "ready" });
    expect((await fetch(`${url}/other`)).status).toBe(404);
    await server.close();
  });
});

describe("loadBotConfig", () => {
  const noFile = join(tmpdir(), "no-such-newsdesk.env");

  it("demands DISCORD_TOKEN and names every other problem in the same message", () => {
    const load = () => loadBotConfig({ QUEUE_CONCURRENCY: "0" }, noFile);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DISCORD_TOKEN is not set[\s\S]*QUEUE_CONCURRENCY[\s\S]*README\.md/);
  });

  it("reads the token from a .env file", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-env-"));
    writeFileSync(join(dir, ".env"), "DISCORD_TOKEN=abc.def\nASK_CHANNELS=1,2\n");
    const config = loadBotConfig({}, join(dir, ".env"));
    expect(config.DISCORD_TOKEN).toBe("abc.def");
    expect(config.ASK_CHANNELS).toEqual(["1", "2"]);
  });
});
