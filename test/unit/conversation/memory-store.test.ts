import { describe, expect, it } from "vitest";
import { createMemoryStore, type ConversationTurn } from "../../../src/conversation/index.js";

const turn = (question: string, at: number): ConversationTurn => ({
  question,
  resolvedQuestion: question,
  answer: null,
  articleId: null,
  paragraph: null,
  quote: null,
  names: { subject: null, pronouns: {}, question: [], answer: [], quote: [] },
  at,
});

describe("createMemoryStore", () => {
  const limits = { maxTurns: 2, idleMs: 1000, maxConversations: 2 };

  it("keeps the last few turns of a conversation, oldest first", async () => {
    const store = createMemoryStore(limits);
    for (const [i, q] of ["a", "b", "c"].entries()) await store.record("k", turn(q, i));
    expect((await store.turns("k", 3)).map((t) => t.question)).toEqual(["b", "c"]);
  });

  it("forgets a conversation after its quiet period", async () => {
    const store = createMemoryStore(limits);
    await store.record("k", turn("a", 0));
    expect(await store.turns("k", 1000)).toHaveLength(1);
    expect(await store.turns("k", 1001)).toEqual([]);
    await store.record("k", turn("b", 5000));
    expect((await store.turns("k", 5000)).map((t) => t.question)).toEqual(["b"]);
  });

  it("keeps conversations apart and drops the least recently used beyond the limit", async () => {
    const store = createMemoryStore(limits);
    await store.record("x", turn("x1", 0));
    await store.record("y", turn("y1", 1));
    await store.record("x", turn("x2", 2));
    await store.record("z", turn("z1", 3));
    expect(await store.turns("y", 3)).toEqual([]);
    expect((await store.turns("x", 3)).map((t) => t.question)).toEqual(["x1", "x2"]);
    expect((await store.turns("z", 3)).map((t) => t.question)).toEqual(["z1"]);
  });

  it("forgets on request", async () => {
    const store = createMemoryStore(limits);
    await store.record("k", turn("a", 0));
    await store.forget("k");
    expect(await store.turns("k", 0)).toEqual([]);
  });
});
