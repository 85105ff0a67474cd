import { describe, expect, it } from "vitest";
import { askInConversation, createMemoryStore } from "../../../src/conversation/index.js";
import type { Answer } from "../../../src/types.js";

// The core's ask stand-in: one answer about Mansur, whatever is asked (only the conversation is under test).
const ANSWER = "Deputy Commander Tarek Mansur";
const QUOTE = "The visit, accompanied by Deputy Commander Tarek Mansur, marked a milestone.";
async function ask(question: string): Promise<Answer> {
  return {
    kind: "answer",
    question,
    answer: ANSWER,
    score: 0.9,
    mode: "lexical",
    citation: {
      articleId: "a/1",
      title: "T",
      paragraph: 1,
      passageId: "a/1#p1",
      quote: QUOTE,
      answerStart: 26,
      answerEnd: 26 + ANSWER.length,
      source: null,
    },
    nearest: [],
  };
}

function setup() {
  let now = 0;
  const store = createMemoryStore({ maxTurns: 5, idleMs: 60_000, maxConversations: 10 });
  const deps = { store, ask, lean: { article: 1.5, paragraph: 1.2 }, now: () => now };
  return { store, deps, at: (t: number) => (now = t) };
}

describe("askInConversation", () => {
  it("tells the reader which names it filled in, so the answer is not one of them", async () => {
    const { deps } = setup();
    const seen: Array<string[] | undefined> = [];
    const spying = { ...deps, ask: (q: string, c?: { avoid?: string[] }) => (seen.push(c?.avoid), ask(q)) };
    await askInConversation(spying, "k", "Who accompanied Mansur?");
    await askInConversation(spying, "k", "where did he go?");
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toEqual(["Deputy Commander Tarek Mansur"]);
  });

  it("starts a conversation from another one's turns when it has none (a thread on an answer)", async () => {
    const { store, deps } = setup();
    await askInConversation(deps, "channel:q1", "Who accompanied Mansur?");
    const inThread = await askInConversation(deps, "thread:t", "what is his rank?", { continueFrom: "channel:q1" });
    expect(inThread.conversation).toMatchObject({ followUp: true, previousQuestion: "Who accompanied Mansur?" });
    // The thread now has the answer's turn and its own; the channel's conversation is untouched.
    expect((await store.turns("thread:t", 0)).map((t) => t.question)).toEqual(["Who accompanied Mansur?", "what is his rank?"]);
    expect(await store.turns("channel:q1", 0)).toHaveLength(1);
    // Once it has turns of its own, the seed is not taken again.
    const next = await askInConversation(deps, "thread:t", "and when?", { continueFrom: "channel:q1" });
    expect(next.conversation?.previousQuestion).toBe("what is his rank?");
  });

  it("starts anew when the last turn is older than `withinMs` (an ask channel's window)", async () => {
    const { store, deps, at } = setup();
    await askInConversation(deps, "person", "Who accompanied Mansur?");
    at(5_000);
    expect((await askInConversation(deps, "person", "and when?", { withinMs: 10_000 })).conversation?.followUp).toBe(true);
    at(30_000);
    const late = await askInConversation(deps, "person", "and where?", { withinMs: 10_000 });
    expect(late.conversation?.followUp).toBe(false);
    expect((await store.turns("person", 30_000)).map((t) => t.question)).toEqual(["and where?"]);
  });
});
