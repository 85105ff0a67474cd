// Integration: over the 2,225 clean BBC articles the repairer must change fewer than 1 word in
// 1,000 and drop no paragraph, while fixing the seed article. Needs ../shared/data.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evalRepair } from "../../../../tools/eval/repair.js";

const dataDir = fileURLToPath(new URL("../../../../../shared/data", import.meta.url));
const present = existsSync(`${dataDir}/bbc/articles`);
if (!present) console.warn(`skipping the BBC damage test: no evaluation data at ${dataDir}`);

describe.skipIf(!present)("repair on the BBC articles (../shared/data)", () => {
  it("changes fewer than 1 word in 1,000, drops no paragraph and fixes the seed", async () => {
    const r = await evalRepair(dataDir, { syntheticEvery: 10 });
    expect(r.articles).toBe(2225);
    expect(r.rate).toBeLessThan(1 / 1000);
    expect(r.droppedLines).toBe(0);
    expect(r.seedFixed).toBe(r.seedGlued);
    expect(r.seedWrong).toEqual([]);
    expect(r.seedDebrisDropped).toBe(2);
    // Glue made by wrapping clean articles and dropping the breaks: most of it is repaired.
    expect(r.synthetic.recall).toBeGreaterThan(0.75);
  });
});
