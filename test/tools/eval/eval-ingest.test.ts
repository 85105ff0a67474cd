import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evalIngest, formatIngestEval } from "../../../tools/eval/ingest.js";
import { scoreExtraction } from "../../../tools/ingest/extraction-metrics.js";

const DATA = new URL("../../../../shared/data", import.meta.url).pathname;
const present = existsSync(`${DATA}/bbc/articles`);

describe("extraction metrics", () => {
  it("counts recovered, added and glued words against the article", () => {
    const s = scoreExtraction("The cat sat on the mat today.", "Cookie banner. The cat saton the mat.");
    expect(s).toMatchObject({ articleWords: 7, extractedWords: 7, recovered: 4, added: 3, glued: 1 });
  });
});

describe.skipIf(!present)("ingest evaluation (40 BBC pages in site chrome)", () => {
  it("meets the targets through the real ingest path: ≥ 98 % recovered, ≤ 1 % added, 0 glued", async () => {
    const r = await evalIngest(DATA, 40);
    expect(r.pages).toBe(40);
    expect(r.failed).toEqual([]);
    expect(r.stored + r.duplicates).toBe(40);
    expect(r.loaded.recoveredPct).toBeGreaterThanOrEqual(98);
    expect(r.loaded.addedPct).toBeLessThanOrEqual(1);
    expect(r.loaded.glued).toBe(0);
    expect(r.written.glued).toBe(0);
    expect(formatIngestEval(r)).toMatch(/article words recovered/);
  }, 60_000);
});
