import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors.js";
import { loadSmokeSet } from "../../../tools/eval/smoke.js";

describe("the shipped smoke set", () => {
  it("holds about twenty questions, each with at least one expected answer", async () => {
    const cases = await loadSmokeSet("smoke/questions.json");
    expect(cases.length).toBeGreaterThanOrEqual(18);
    for (const c of cases) expect(c.answers.length).toBeGreaterThan(0);
  });

  it("refuses a file of the wrong shape with a clear error", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "newsdesk-smoke-"));
    try {
      const file = path.join(dir, "bad.json");
      await writeFile(file, JSON.stringify({ questions: [{ question: "q?", answers: [] }] }));
      await expect(loadSmokeSet(file)).rejects.toThrow(UsageError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
