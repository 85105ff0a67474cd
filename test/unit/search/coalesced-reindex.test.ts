import { describe, expect, it } from "vitest";
import { coalesce } from "../../../src/search/coalesced-reindex.js";
import type { ReindexReport } from "../../../src/types.js";

const report = (n: number): ReindexReport => ({ added: [], changed: [], removed: [], unchanged: n, problems: [], passages: n });

function controlled() {
  const runs: { resolve: (r: ReindexReport) => void; reject: (e: unknown) => void }[] = [];
  const reindex = () => new Promise<ReindexReport>((resolve, reject) => runs.push({ resolve, reject }));
  return { runs, reindex };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("coalesce", () => {
  it("runs once, then once more for everyone who asked meanwhile", async () => {
    const c = controlled();
    const run = coalesce(c.reindex);
    const first = run();
    const second = run();
    const third = run();
    expect(c.runs).toHaveLength(1);
    c.runs[0]!.resolve(report(1));
    expect(await first).toEqual(report(1));
    await tick();
    expect(c.runs).toHaveLength(2);
    c.runs[1]!.resolve(report(2));
    expect(await second).toEqual(report(2));
    expect(await third).toEqual(report(2));
    const fourth = run();
    expect(c.runs).toHaveLength(3);
    c.runs[2]!.resolve(report(3));
    expect(await fourth).toEqual(report(3));
  });

  it("a failed run fails its callers only; the waiting run still happens", async () => {
    const c = controlled();
    const run = coalesce(c.reindex);
    const first = run();
    const second = run();
    c.runs[0]!.reject(new Error("disk gone"));
    await expect(first).rejects.toThrow("disk gone");
    await tick();
    c.runs[1]!.resolve(report(5));
    expect(await second).toEqual(report(5));
  });
});
