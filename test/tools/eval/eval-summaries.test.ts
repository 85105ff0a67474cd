import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evalSummaries, formatSummariesTable } from "../../../tools/eval/summaries.js";

const DATA = new URL("../../../../shared/data", import.meta.url).pathname;
const present = existsSync(`${DATA}/bbc/bbc_articles_summaries.jsonl`);
if (!present) console.warn(`skipping the BBC summary evaluation: ${DATA}/bbc is absent`);

describe.skipIf(!present)("BBC summary evaluation (first 150 held-out articles)", () => {
  it("beats lead-3 and random-3 on precision@3 and ROUGE", async () => {
    const result = await evalSummaries(DATA, { split: "check", limit: 150 });
    const [ours, lead, random] = result.systems;
    expect(result.articles).toBe(150);
    expect(ours!.precision).toBeGreaterThan(lead!.precision);
    expect(lead!.precision).toBeGreaterThan(random!.precision);
    expect(ours!.precision).toBeGreaterThanOrEqual(0.6);
    expect(ours!.rouge2).toBeGreaterThan(lead!.rouge2);
    expect(formatSummariesTable(result)).toMatch(/lead-3/);
  }, 30_000);
});
