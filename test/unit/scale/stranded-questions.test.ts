import { describe, expect, it } from "vitest";
import { noWorkerSince } from "../../../src/scale/stranded-questions.js";

const count = (live: number, at: number) => ({ live, ready: live, at });

describe("noWorkerSince", () => {
  it("starts at the first reading with no live worker and keeps that time while none comes back", () => {
    let since = noWorkerSince(count(0, 1000), undefined);
    expect(since).toBe(1000);
    since = noWorkerSince(count(0, 3000), since);
    expect(since).toBe(1000);
  });

  it("is cleared by a live worker, so a restart shorter than the grace period strands nothing", () => {
    expect(noWorkerSince(count(1, 3000), 1000)).toBeUndefined();
    expect(noWorkerSince(count(0, 5000), undefined)).toBe(5000);
  });

  it("keeps what was known when the workers could not be read (Redis down)", () => {
    expect(noWorkerSince(null, 1000)).toBe(1000);
    expect(noWorkerSince(null, undefined)).toBeUndefined();
  });
});
