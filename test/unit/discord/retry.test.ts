import { describe, expect, it } from "vitest";
import { backoffMs, isTransient, retryUntil } from "../../../src/discord/delivery/retry.js";

/** A clock that advances only when the retry loop sleeps. */
function clock() {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => void (t += ms),
    get t() {
      return t;
    },
  };
}

const fail = (status?: number, code?: string) => Object.assign(new Error("x"), status ? { status } : {}, code ? { code } : {});

describe("retryUntil", () => {
  it("retries transient failures with growing waits until one succeeds", async () => {
    const c = clock();
    const errors = [fail(503), fail(500), fail(undefined, "ECONNRESET")];
    const waits: number[] = [];
    const out = await retryUntil(
      async () => {
        const e = errors.shift();
        if (e) throw e;
        return "ok";
      },
      { deadline: 60_000, firstDelayMs: 100, maxDelayMs: 1000, ...c, onRetry: (_e, _n, ms) => waits.push(ms) },
    );
    expect(out).toMatchObject({ kind: "sent", value: "ok", attempts: 4 });
    expect(waits).toHaveLength(3);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });

  it("gives up at once on a permanent failure", async () => {
    const out = await retryUntil(
      async () => {
        throw fail(400);
      },
      { deadline: 60_000, firstDelayMs: 100, maxDelayMs: 1000, ...clock() },
    );
    expect(out).toMatchObject({ kind: "gave-up", reason: "permanent", attempts: 1 });
  });

  it("gives up when the next attempt would start after the deadline", async () => {
    const c = clock();
    const out = await retryUntil(
      async () => {
        throw fail(502);
      },
      { deadline: 10_000, firstDelayMs: 250, maxDelayMs: 2000, ...c },
    );
    expect(out).toMatchObject({ kind: "gave-up", reason: "deadline" });
    expect(c.t).toBeLessThan(10_000);
    expect(c.t).toBeGreaterThan(6_000);
  });
});

describe("isTransient and backoffMs", () => {
  it.each([
    [fail(500), true],
    [fail(503), true],
    [fail(429), true],
    [fail(404), false],
    [fail(400), false],
    [fail(undefined, "UND_ERR_SOCKET"), true],
    [Object.assign(new Error("aborted"), { name: "AbortError" }), true],
    [new TypeError("x is not a function"), false],
    [null, false],
  ])("%o → %s", (error, expected) => expect(isTransient(error)).toBe(expected));

  it("doubles up to the cap, within ±20 %", () => {
    expect(backoffMs(1, 250, 8000, () => 0.5)).toBe(250);
    expect(backoffMs(3, 250, 8000, () => 0.5)).toBe(1000);
    expect(backoffMs(10, 250, 8000, () => 0.5)).toBe(8000);
    expect(backoffMs(10, 250, 8000, () => 1)).toBe(9600);
    expect(backoffMs(10, 250, 8000, () => 0)).toBe(6400);
  });
});
