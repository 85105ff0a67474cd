import { describe, expect, it } from "vitest";
import { createCooldown } from "../../../src/scale/cooldown.js";
import { RESTARTING, createGate } from "../../../src/discord/gate.js";
import { createQueue } from "../../../src/discord/queue.js";

function deferred<T = string>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("queue", () => {
  it("runs at most `concurrency` jobs and queues up to `maxWaiting`", async () => {
    const q = createQueue({ concurrency: 1, maxWaiting: 1 });
    const a = deferred();
    const b = deferred();
    const started: string[] = [];
    const first = q.submit(() => (started.push("a"), a.promise));
    const second = q.submit(() => (started.push("b"), b.promise));
    expect(first.kind).toBe("accepted");
    expect(second).toMatchObject({ kind: "accepted", ahead: 0 });
    await Promise.resolve();
    expect(started).toEqual(["a"]);
    expect(q.submit(async () => "c")).toMatchObject({ kind: "full" });
    a.resolve("A");
    if (first.kind === "accepted") expect(await first.result).toBe("A");
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(["a", "b"]);
    b.resolve("B");
    if (second.kind === "accepted") expect(await second.result).toBe("B");
  });

  it("under the hard cap, says when the jobs ahead should be done", async () => {
    let t = 0;
    const q = createQueue({ concurrency: 2, maxWaiting: 2, maxWaitMs: 60_000, initialJobMs: 1000, now: () => t });
    const hold = deferred();
    for (let i = 0; i < 4; i++) q.submit(() => hold.promise);
    // Two waiting plus this one, two at a time, 1 s each.
    expect(q.submit(async () => "x")).toEqual({ kind: "full", retryAfterMs: 1500 });
    t = 6000;
    hold.resolve("done");
    await new Promise((r) => setTimeout(r, 0));
  });

  it("admits by expected wait: many quick jobs are taken, slow ones refused with the excess wait", async () => {
    let t = 0;
    const q = createQueue({ concurrency: 1, maxWaiting: 1000, maxWaitMs: 10_000, initialJobMs: 1000, now: () => t });
    const hold = deferred();
    const kinds = Array.from({ length: 12 }, () => q.submit(() => hold.promise).kind);
    // One running, then waits of 1 s … 10 s are within the bound; the 12th would wait 11 s.
    expect(kinds.filter((k) => k === "accepted")).toHaveLength(11);
    expect(q.submit(async () => "late")).toEqual({ kind: "full", retryAfterMs: 1000 });
    // Jobs that take 10 ms pull the estimate down, so a burst of a hundred now fits.
    t = 10;
    hold.resolve("done");
    await new Promise((r) => setTimeout(r, 0));
    for (let round = 0; round < 30; round++) {
      const quick = q.submit(async () => "q");
      if (quick.kind === "accepted") await quick.result;
    }
    expect(q.serviceMs).toBeLessThan(50);
    const burst = deferred();
    const admitted = Array.from({ length: 100 }, () => q.submit(() => burst.promise)).filter((a) => a.kind === "accepted");
    expect(admitted).toHaveLength(100);
    burst.resolve("done");
  });

  it("passes a job's failure to its caller and keeps going", async () => {
    const q = createQueue({ concurrency: 1, maxWaiting: 5 });
    const bad = q.submit(async () => {
      throw new Error("boom");
    });
    const good = q.submit(async () => 42);
    if (bad.kind !== "accepted" || good.kind !== "accepted") throw new Error("not accepted");
    await expect(bad.result).rejects.toThrow("boom");
    expect(await good.result).toBe(42);
  });

  it("drain refuses new jobs and waits for accepted ones", async () => {
    const q = createQueue({ concurrency: 1, maxWaiting: 5 });
    const hold = deferred();
    q.submit(() => hold.promise);
    q.submit(async () => "next");
    let drained = false;
    const d = q.drain().then(() => (drained = true));
    expect(q.submit(async () => 1)).toEqual({ kind: "closed" });
    await new Promise((r) => setTimeout(r, 5));
    expect(drained).toBe(false);
    hold.resolve("x");
    await d;
    expect(drained).toBe(true);
  });
});

describe("cooldown", () => {
  it("holds a user back until the window has passed, and no one else", () => {
    let t = 0;
    const c = createCooldown(5, () => t);
    expect(c.check("u")).toEqual({ ok: true });
    c.mark("u");
    t = 2000;
    expect(c.check("u")).toEqual({ ok: false, retryAfterMs: 3000 });
    expect(c.check("v")).toEqual({ ok: true });
    t = 5000;
    expect(c.check("u")).toEqual({ ok: true });
  });

  it("is off at zero seconds", () => {
    const c = createCooldown(0, () => 0);
    c.mark("u");
    expect(c.check("u")).toEqual({ ok: true });
  });
});

describe("gate", () => {
  it("refuses during the cooldown without using a queue slot, and when the queue is full", async () => {
    const t = 0;
    const q = createQueue({ concurrency: 1, maxWaiting: 0 });
    const gate = createGate(
      q,
      createCooldown(10, () => t),
    );
    const hold = deferred();
    expect(gate.run("u", () => hold.promise).kind).toBe("accepted");
    const cooling = gate.run("u", async () => "x");
    expect(cooling).toEqual({ kind: "refused", message: "You are asking quickly. Try again in 10 s." });
    const busy = gate.run("v", async () => "x");
    expect(busy.kind === "refused" && busy.message).toMatch(/^Newsdesk is busy with other questions\. Try again in about \d+ s\.$/);
    // v was refused for the queue, so v's cooldown did not start.
    hold.resolve("done");
    await new Promise((r) => setTimeout(r, 0));
    expect(gate.run("v", async () => "y").kind).toBe("accepted");
  });

  it("skips the cooldown for work that is not a question", () => {
    const gate = createGate(
      createQueue({ concurrency: 2, maxWaiting: 2 }),
      createCooldown(10, () => 0),
    );
    expect(gate.run("u", async () => 1, { cooldown: false }).kind).toBe("accepted");
    expect(gate.run("u", async () => 1, { cooldown: false }).kind).toBe("accepted");
  });

  it("refuses everything once closing", async () => {
    const gate = createGate(createQueue({ concurrency: 1, maxWaiting: 1 }), createCooldown(0));
    await gate.close();
    expect(gate.closing).toBe(true);
    expect(gate.run("u", async () => 1)).toEqual({ kind: "refused", message: RESTARTING });
  });
});
