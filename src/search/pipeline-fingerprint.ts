import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

// A cached article is only as good as the code that cleaned, chunked and counted it. The cache
// carries a hash of that code's TypeScript sources, so an upgrade (a better repair, say) rebuilds
// the index by itself, and the tsx and the compiled runs of one checkout share one fingerprint.

function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

// src/text whole: repair uses its debris rules, chunking its sentences, term counting its tokeniser.
const PIPELINE = ["src/knowledge", "src/text", "src/search/article-rows.ts"];

async function files(entry: string): Promise<string[]> {
  const found = await readdir(entry, { recursive: true, withFileTypes: true }).catch(() => undefined);
  if (!found) return [entry];
  // The .ts sources only: a compiled copy with its .js beside them (the bench's) shares the fingerprint.
  return found.filter((e) => e.isFile() && e.name.endsWith(".ts")).map((e) => path.join(e.parentPath, e.name));
}

/** The hash of the pipeline's sources under `root` (a checkout, or a compiled copy with them beside it). */
export async function fingerprintOf(root: string): Promise<string> {
  const hash = createHash("sha256");
  const all = (await Promise.all(PIPELINE.map((p) => files(path.join(root, p))))).flat().sort();
  for (const file of all) hash.update(path.relative(root, file)).update(await readFile(file).catch(() => "missing"));
  return hash.digest("hex").slice(0, 16);
}

let fingerprint: Promise<string> | undefined;

export function pipelineFingerprint(): Promise<string> {
  fingerprint ??= fingerprintOf(projectRoot());
  return fingerprint;
}
