// The index cache's fingerprint of the code that built it: the TypeScript sources decide it, so the
// tsx run and a compiled copy (its .js files beside the .ts, as the bench builds it) share one index.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fingerprintOf } from "../../../src/search/pipeline-fingerprint.js";

const roots: string[] = [];
async function copyOfPipeline(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "fingerprint-"));
  roots.push(root);
  for (const part of ["src/knowledge", "src/text", "src/search/article-rows.ts"])
    await cp(part, path.join(root, part), { recursive: true });
  return root;
}
afterEach(async () => {
  for (const r of roots.splice(0)) await rm(r, { recursive: true, force: true });
});

describe("the pipeline fingerprint", () => {
  it("is the same with compiled .js files beside the sources, and changes when a source changes", async () => {
    const root = await copyOfPipeline();
    const checkout = await fingerprintOf(root);
    await writeFile(path.join(root, "src/knowledge/chunk.js"), "export const compiled = true;\n");
    await writeFile(path.join(root, "src/text/words.js.map"), "{}");
    expect(await fingerprintOf(root)).toBe(checkout);
    await writeFile(path.join(root, "src/knowledge/chunk.ts"), "// an edited chunker\n", { flag: "a" });
    expect(await fingerprintOf(root)).not.toBe(checkout);
  });
});
