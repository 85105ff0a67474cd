// `npm start` as a process (node --import tsx src/discord/main.ts) against the fake Discord:
// /healthz, an answer, and SIGTERM with a question in flight → answer delivered, exit 0.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "./fake-discord/fake-discord.js";
import { TOKEN } from "./fake-discord/world.js";
import { embedOf } from "./harness.js";

const ROOT = resolve(import.meta.dirname, "../..");

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(() => fake.close());

describe("npm start", () => {
  it("serves /healthz, answers, and on SIGTERM delivers the answer in flight and exits 0", async () => {
    const work = mkdtempSync(join(tmpdir(), "newsdesk-proc-"));
    cpSync(join(ROOT, "knowledge"), join(work, "knowledge"), { recursive: true });
    const healthPort = await freePort();
    const child = spawn(
      process.execPath,
      ["--import", pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href, join(ROOT, "src/discord/main.ts")],
      {
        cwd: work,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: work,
          DISCORD_TOKEN: TOKEN,
          DISCORD_API_URL: fake.api,
          ANSWER_MODE: "lexical",
          KNOWLEDGE_DIR: join(work, "knowledge"),
          CACHE_DIR: join(work, "cache"),
          HEALTH_PORT: String(healthPort),
          LOG_LEVEL: "info",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));

    const health = async () => (await fetch(`http://127.0.0.1:${healthPort}/healthz`).catch(() => null))?.status;
    let status: number | undefined;
    await fake.waitFor(() => fake.gateway.connected, 60_000, "the bot to connect");
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = await health();
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);

    // A gateway outage: /healthz says 503 within a second, and 200 again once the session resumes.
    const lost = Date.now();
    fake.gateway.outage(2500);
    let firstDown: number | undefined;
    while (Date.now() - lost < 5000 && firstDown === undefined) {
      if ((await health()) === 503) firstDown = Date.now();
      else await new Promise((r) => setTimeout(r, 20));
    }
    expect(firstDown! - lost).toBeLessThan(1000);
    const down = await fetch(`http://127.0.0.1:${healthPort}/healthz`).then((r) => r.json());
    expect(down).toMatchObject({ ok: false, gateway: { up: false } });
    await fake.waitFor(() => fake.gateway.connected, 30_000, "the bot to reconnect after the outage");
    for (let i = 0; i < 100 && (await health()) !== 200; i++) await new Promise((r) => setTimeout(r, 100));
    const up = await fetch(`http://127.0.0.1:${healthPort}/healthz`).then((r) => r.json());
    expect(up).toMatchObject({ ok: true, gateway: { up: true, outages: 1 } });

    // Hold the bot's REST calls so the answer is still in flight when the signal arrives.
    fake.restDelayMs = 300;
    const i = fake.interact({ kind: "slash", name: "ask", options: { question: "who accompanied Haftar?" } });
    await fake.waitFor(() => fake.requests.some((r) => r.path.includes(`/interactions/${i.id}/`)), 10_000, "the deferral");
    child.kill("SIGTERM");
    const reply = await fake.answerOf(i, 20_000);
    expect(embedOf(reply).description).toContain("Saddam Khalifa Haftar");
    expect(await exited).toBe(0);
    expect(stderr).toContain("shutting down");
    expect(fake.gateway.connected).toBe(false);
    expect(fake.allProblems()).toEqual([]);
  });
});
