import { describe, expect, it } from "vitest";
import { createCooldown } from "../../../src/scale/cooldown.js";
import { createGate } from "../../../src/discord/gate.js";
import { createQueue } from "../../../src/discord/queue.js";
import { queuedReply, type QueuedSink } from "../../../src/discord/queued-reply.js";

function recorder(begin: () => Promise<void> = async () => undefined) {
  const steps: string[] = [];
  const sink: QueuedSink = {
    refuse: async (text) => void steps.push(`refuse: ${text}`),
    begin: async () => (steps.push("begin"), begin()),
  };
  return { steps, sink };
}

const gate = (maxWaiting = 5) => createGate(createQueue({ concurrency: 1, maxWaiting }), createCooldown(60));

describe("queuedReply", () => {
  it("acknowledges before the work finishes, then returns its value", async () => {
    const { steps, sink } = recorder();
    let finish!: (v: string) => void;
    const job = () => new Promise<string>((r) => (finish = r));
    const pending = queuedReply(gate(), "u1", job, sink, { cooldown: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(steps).toEqual(["begin"]);
    finish("answer");
    expect(await pending).toEqual({ kind: "done", value: "answer" });
  });

  it("refuses with the gate's message and never starts the work or acknowledges", async () => {
    const g = gate();
    let runs = 0;
    const job = async () => void runs++;
    await queuedReply(g, "u1", job, recorder().sink, { cooldown: true });
    const { steps, sink } = recorder();
    expect(await queuedReply(g, "u1", job, sink, { cooldown: true })).toEqual({ kind: "refused" });
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatch(/^refuse: You are asking quickly/);
    expect(runs).toBe(1);
  });

  it("skips the cooldown when asked to (summaries, reindex)", async () => {
    const g = gate();
    await queuedReply(g, "u1", async () => 1, recorder().sink, { cooldown: false });
    expect(await queuedReply(g, "u1", async () => 2, recorder().sink, { cooldown: false })).toEqual({ kind: "done", value: 2 });
  });

  it("returns a failed job as a value, after acknowledging", async () => {
    const { steps, sink } = recorder();
    const error = new Error("model broke");
    expect(await queuedReply(gate(), "u1", () => Promise.reject(error), sink, { cooldown: true })).toEqual({ kind: "failed", error });
    expect(steps).toEqual(["begin"]);
  });

  it("rejects with the acknowledgement's error and leaves the failed job handled", async () => {
    const { sink } = recorder(() => Promise.reject(new Error("interaction expired")));
    // An unhandled rejection of the job would fail this test run.
    const p = queuedReply(gate(), "u1", () => Promise.reject(new Error("model broke")), sink, { cooldown: true });
    await expect(p).rejects.toThrow("interaction expired");
    await new Promise((r) => setTimeout(r, 10));
  });
});
