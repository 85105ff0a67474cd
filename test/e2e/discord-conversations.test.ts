// Follow-up questions as Discord users ask them: the real discord.js Client against the fake Discord,
// over the real core (createNewsdesk, lexical mode, the repo's knowledge/ folder). A follow-up is a
// reply to an answer, a message in the thread the bot opened on one, or (in an ask channel) the same
// person's next question shortly after; the reply's footer says what it followed up on.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createNewsdesk, type LocalNewsdesk } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { silentLogger } from "../../src/log.js";
import { ASK_CHANNEL_ID, USERS } from "./fake-discord/world.js";
import { EPHEMERAL, embedOf, sleep, startHarness, type Harness } from "./harness.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FOLLOWING = /Following up on: (.*)$/;

async function realNewsdesk(settings: Record<string, string> = {}): Promise<LocalNewsdesk> {
  const work = mkdtempSync(join(tmpdir(), "newsdesk-conv-"));
  cpSync(join(ROOT, "knowledge"), join(work, "knowledge"), { recursive: true });
  const config = loadConfig(
    { ANSWER_MODE: "lexical", KNOWLEDGE_DIR: join(work, "knowledge"), CACHE_DIR: join(work, "cache"), WATCH_KNOWLEDGE: "off", ...settings },
    {},
    join(work, "none.env"),
  );
  return createNewsdesk(config, silentLogger);
}

/** What the reply's footer says it followed up on, or null when it stood alone. */
const followedUpOn = (message: any): string | null => FOLLOWING.exec(embedOf(message).footer.text)?.[1] ?? null;
const buttons = (message: any): any[] => message.components.flatMap((row: any) => row.components);
const followUpButton = (message: any) => buttons(message).find((b) => b.label === "Ask a follow-up");

describe("follow-ups in Discord", () => {
  let h: Harness;
  let newsdesk: LocalNewsdesk;
  beforeAll(async () => {
    newsdesk = await realNewsdesk();
    // An ask channel also asks for the Message Content intent, which messages in threads need.
    h = await startHarness(newsdesk, { askChannels: [ASK_CHANNEL_ID], conversationWindowSeconds: 60 });
  });
  afterAll(async () => {
    await h.stop();
    await newsdesk.close();
  });
  afterEach(() => expect(h.fake.allProblems()).toEqual([]));

  const mention = async (content: string, from = USERS.alice) => {
    const { id } = h.fake.post({ content, mentionBot: true, from });
    return h.fake.replyTo(id, 30_000);
  };

  it("a reply to an answer follows it up; the same words asked afresh do not", async () => {
    const first = await mention("who accompanied Haftar?");
    expect(followedUpOn(first)).toBeNull();
    expect(followUpButton(first)?.custom_id).toMatch(/^followup:q\d+$/);

    const { id } = h.fake.post({ content: "what is his relation to the field marshal?", replyTo: first });
    const second = await h.fake.replyTo(id, 30_000);
    expect(embedOf(second).author.name).toBe("Q: what is his relation to the field marshal?");
    expect(followedUpOn(second)).toBe("who accompanied Haftar?");
    // The chain goes on: a reply to the follow-up's answer is still the same conversation.
    expect(followUpButton(second)?.custom_id).toBe(followUpButton(first).custom_id);
    const { id: third } = h.fake.post({ content: "and when?", replyTo: second });
    expect(followedUpOn(await h.fake.replyTo(third, 30_000))).toBe("what is his relation to the field marshal?");

    // Not a reply: a new conversation, whoever asks.
    expect(followedUpOn(await mention("what is his relation to the field marshal?"))).toBeNull();
  });

  it("the button opens a thread on the answer, and a question in it follows the answer up", async () => {
    const asked = h.fake.interact({ kind: "slash", name: "ask", options: { question: "who accompanied Haftar?" } });
    const answer = await h.fake.answerOf(asked, 30_000);
    const button = followUpButton(answer);
    expect(button).toBeDefined();

    const click = h.fake.interact({ kind: "button", customId: button.custom_id, message: answer });
    const note = await h.fake.answerOf(click, 30_000);
    expect(note.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(note.content).toBe(`Ask your follow-up in <#${answer.id}>: it continues from this answer.`);
    const thread = h.fake.threads.get(answer.id);
    expect(thread).toMatchObject({ parent_id: answer.channel_id, name: "Follow-up: who accompanied Haftar?" });

    // In the thread, no mention and no reply needed.
    const { id } = h.fake.post({ content: "what is his relation to the field marshal?", channelId: thread.id });
    const reply = await h.fake.replyTo(id, 30_000);
    expect(reply.channel_id).toBe(thread.id);
    expect(followedUpOn(reply)).toBe("who accompanied Haftar?");
    // No thread can be opened inside a thread.
    expect(followUpButton(reply)).toBeUndefined();
    const { id: next } = h.fake.post({ content: "and when?", channelId: thread.id });
    expect(followedUpOn(await h.fake.replyTo(next, 30_000))).toBe("what is his relation to the field marshal?");

    // /ask in the thread carries on there too.
    const inThread = h.fake.interact({ kind: "slash", name: "ask", options: { question: "and where?" } }, { channelId: thread.id });
    const slashReply = await h.fake.answerOf(inThread, 30_000);
    expect(followedUpOn(slashReply)).toBe("and when?");
    expect(followUpButton(slashReply)).toBeUndefined();

    // A second click points to the thread already there.
    const again = await h.fake.answerOf(h.fake.interact({ kind: "button", customId: button.custom_id, message: answer }), 30_000);
    expect(again.content).toContain(`<#${answer.id}>`);
  });

  it("/ask with thread: true opens the thread itself; a private answer gets neither button nor thread", async () => {
    const asked = h.fake.interact({ kind: "slash", name: "ask", options: { question: "who accompanied Haftar?", thread: true } });
    const answer = await h.fake.answerOf(asked, 30_000);
    await h.fake.waitFor(() => h.fake.threads.get(answer.id), 10_000, "the thread");
    const { id } = h.fake.post({ content: "what is his relation to the field marshal?", channelId: answer.id });
    expect(followedUpOn(await h.fake.replyTo(id, 30_000))).toBe("who accompanied Haftar?");

    const secret = h.fake.interact({
      kind: "slash",
      name: "ask",
      options: { question: "who accompanied Haftar?", private: true, thread: true },
    });
    const hidden = await h.fake.answerOf(secret, 30_000);
    expect(hidden.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(followUpButton(hidden)).toBeUndefined();
    await sleep(200);
    expect(h.fake.threads.has(hidden.id)).toBe(false);
  });

  it("in an ask channel, two people's questions make two conversations", async () => {
    const say = async (content: string, from: typeof USERS.alice) => {
      const { id } = h.fake.post({ content, channelId: ASK_CHANNEL_ID, from });
      return h.fake.replyTo(id, 30_000);
    };
    expect(followedUpOn(await say("who accompanied Haftar?", USERS.alice))).toBeNull();
    expect(followedUpOn(await say("who welcomed the distinguished guests?", USERS.bob))).toBeNull();
    expect(followedUpOn(await say("and when?", USERS.alice))).toBe("who accompanied Haftar?");
    expect(followedUpOn(await say("and when?", USERS.bob))).toBe("who welcomed the distinguished guests?");
  });
});

describe("a conversation left quiet", () => {
  let h: Harness;
  let newsdesk: LocalNewsdesk;
  beforeAll(async () => {
    // Forgotten after 3 s of quiet.
    newsdesk = await realNewsdesk({ CONVERSATION_IDLE_MINUTES: "0.05" });
    h = await startHarness(newsdesk);
  });
  afterAll(async () => {
    await h.stop();
    await newsdesk.close();
  });
  afterEach(() => expect(h.fake.allProblems()).toEqual([]));

  it("is forgotten: a reply after the quiet period starts anew", async () => {
    const { id } = h.fake.post({ content: "who accompanied Haftar?", mentionBot: true });
    const first = await h.fake.replyTo(id, 30_000);
    const { id: soon } = h.fake.post({ content: "what is his relation to the field marshal?", replyTo: first });
    const second = await h.fake.replyTo(soon, 30_000);
    expect(followedUpOn(second)).toBe("who accompanied Haftar?");

    await sleep(3500);
    const { id: late } = h.fake.post({ content: "and when?", replyTo: second });
    expect(followedUpOn(await h.fake.replyTo(late, 30_000))).toBeNull();
  });
});
