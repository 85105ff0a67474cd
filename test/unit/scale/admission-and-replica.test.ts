import { describe, expect, it } from "vitest";
import { admit } from "../../../src/scale/admission.js";
import { replicaStep } from "../../../src/worker/replica.js";
import { knowledgeVersion } from "../../../src/search/knowledge-version.js";
import { memoryCooldownStore } from "../../../src/scale/cooldown-store.js";
import { memoryReplyLedger } from "../../../src/scale/reply-ledger.js";

describe("admission from the real backlog", () => {
  it.each([
    [{ jobs: 0, perSecond: 10, workers: 2 }, 20, { ok: true }],
    [{ jobs: 19, perSecond: 10, workers: 2 }, 20, { ok: true }],
    // 25 jobs, 20 allowed: 6 must be answered at 10/s before a place frees up.
    [{ jobs: 25, perSecond: 10, workers: 2 }, 20, { ok: false, retryAfterMs: 600, reason: "busy" }],
    // Not measured yet: each worker is assumed to take 3 s a question.
    [{ jobs: 20, perSecond: 0, workers: 1 }, 20, { ok: false, retryAfterMs: 3000, reason: "busy" }],
    [{ jobs: 0, perSecond: 0, workers: 0 }, 20, { ok: false, retryAfterMs: 60_000, reason: "no-workers" }],
  ])("%j with %i allowed → %j", (backlog, max, expected) => {
    expect(admit(backlog, max)).toEqual(expected);
  });
});

describe("index replicas", () => {
  it.each([
    ["v1", "v1", null, { kind: "announce", first: true }],
    ["v1", "v1", "v1", { kind: "ready" }],
    // Its own folder changed and it re-read it: the new content is announced.
    ["v2", "v1", "v1", { kind: "announce", first: false }],
    // Started with an old copy: it waits rather than overrule the others.
    ["v1", "v1", "v2", { kind: "behind", reason: "index v1, announced v2" }],
    ["v1", undefined, "v2", { kind: "behind", reason: "index v1, announced v2" }],
  ])("own %s (was %s), announced %s → %j", (own, previous, announced, step) => {
    expect(replicaStep(own, previous, announced)).toEqual(step);
  });

  it("names the same articles the same on any machine, whatever their order", () => {
    const a = { id: "a", hash: "1" };
    const b = { id: "b", hash: "2" };
    expect(knowledgeVersion([a, b])).toBe(knowledgeVersion([b, a]));
    expect(knowledgeVersion([a, b])).not.toBe(knowledgeVersion([a, { id: "b", hash: "3" }]));
    expect(knowledgeVersion([a])).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe("in-process stores (the default without Redis)", () => {
  it("cooldown: the first take starts it, the next is told how long is left", async () => {
    let t = 0;
    const store = memoryCooldownStore(5, () => t);
    expect(await store.take("u")).toEqual({ ok: true });
    t = 2000;
    expect(await store.take("u")).toEqual({ ok: false, retryAfterMs: 3000 });
    expect(await store.take("other")).toEqual({ ok: true });
  });

  it("reply ledger: one claim at a time, sent is final, a lapsed claim can be taken again", async () => {
    let t = 0;
    const ledger = memoryReplyLedger(() => t);
    expect(await ledger.claim("q", "w1", 1000)).toBe("claimed");
    expect(await ledger.claim("q", "w2", 1000)).toBe("busy");
    t = 1500;
    expect(await ledger.claim("q", "w2", 1000)).toBe("claimed");
    await ledger.release("q", "w1"); // not w1's any more: no effect
    expect(await ledger.claim("q", "w3", 1000)).toBe("busy");
    await ledger.markSent("q");
    expect(await ledger.claim("q", "w3", 1000)).toBe("sent");
  });
});
