// Conversations in Redis: two answer workers (two real cores over the repo's knowledge/ folder, in
// lexical mode) share one redis-server of their own, and a follow-up queued to the second worker still
// builds on the turn the first one answered. Turns are bounded and the conversation's time to live is
// its quiet period.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNewsdesk, type LocalNewsdesk } from "../../../src/app.js";
import { loadConfig } from "../../../src/config/index.js";
import { newConversation } from "../../../src/discord/conversation-key.js";
import { silentLogger } from "../../../src/log.js";
import { redisConversationStore } from "../../../src/scale/conversation-store.js";
import type { ConversationStore } from "../../../src/conversation/index.js";
import { replyFor } from "../../../src/worker/reply-for.js";
import { startRedis, type TestRedis } from "../../helpers/redis-server.js";

const ROOT = resolve(import.meta.dirname, "../../..");
let redis: TestRedis;
const clients: Redis[] = [];
const desks: LocalNewsdesk[] = [];

function client(): Redis {
  const c = new Redis(redis.url, { maxRetriesPerRequest: null });
  c.on("error", () => undefined);
  clients.push(c);
  return c;
}

async function worker(store: ConversationStore): Promise<LocalNewsdesk> {
  const work = mkdtempSync(join(tmpdir(), "newsdesk-conv-redis-"));
  cpSync(join(ROOT, "knowledge"), join(work, "knowledge"), { recursive: true });
  const config = loadConfig(
    { ANSWER_MODE: "lexical", KNOWLEDGE_DIR: join(work, "knowledge"), CACHE_DIR: join(work, "cache"), WATCH_KNOWLEDGE: "off" },
    {},
    join(work, "none.env"),
  );
  const desk = await createNewsdesk(config, silentLogger, { conversations: store });
  desks.push(desk);
  return desk;
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  clients.forEach((c) => c.disconnect());
  await redis.stop();
});

const footer = (body: Awaited<ReturnType<typeof replyFor>>) => body.embeds[0]?.footer?.text ?? "";

describe("conversations in Redis", () => {
  it("a follow-up answered by another worker builds on the first worker's turn", async () => {
    const limits = { maxTurns: 5, idleMs: 60_000 };
    const one = await worker(redisConversationStore(client(), "t1", limits));
    const two = await worker(redisConversationStore(client(), "t1", limits));
    const conversation = newConversation({ guildId: "100", channelId: "200" }, "1");

    const first = await replyFor(one, { kind: "ask", question: "who accompanied Haftar?", conversation });
    expect(footer(first)).not.toContain("Following up on");
    const second = await replyFor(two, { kind: "ask", question: "what is his relation to the field marshal?", conversation });
    expect(footer(second)).toContain("Following up on: who accompanied Haftar?");
    // The reply carries the conversation's button, so a reply to it continues there too.
    expect(JSON.stringify(second.components)).toContain(`followup:${conversation.followUpId}`);

    // Another channel's conversation is not this one.
    const elsewhere = newConversation({ guildId: "100", channelId: "201" }, "1");
    const apart = await replyFor(two, { kind: "ask", question: "what is his relation to the field marshal?", conversation: elsewhere });
    expect(footer(apart)).not.toContain("Following up on");
  });

  it("keeps the last turns only, with the quiet period as time to live, then forgets", async () => {
    const idleMs = 1500;
    const desk = await worker(redisConversationStore(client(), "t2", { maxTurns: 2, idleMs }));
    const key = "discord:100:200:q9";
    for (const q of ["who accompanied Haftar?", "and when?", "and where?"]) await desk.ask(q, { conversation: key });
    const c = client();
    const stored = (await c.lrange(`t2:conversation:${key}`, 0, -1)).map((t) => JSON.parse(t).question);
    expect(stored).toEqual(["and when?", "and where?"]);
    const ttl = await c.pttl(`t2:conversation:${key}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(idleMs);

    await new Promise((r) => setTimeout(r, idleMs + 300));
    expect(await c.exists(`t2:conversation:${key}`)).toBe(0);
    const late = await desk.ask("and why?", { conversation: key });
    expect(late.conversation?.followUp).toBe(false);
  });

  it("skips an entry that is not a turn instead of failing", async () => {
    const c = client();
    const store = redisConversationStore(c, "t3", { maxTurns: 5, idleMs: 60_000 });
    await c.rpush("t3:conversation:k", "not json", JSON.stringify({ hello: 1 }));
    expect(await store.turns("k", Date.now())).toEqual([]);
  });
});
