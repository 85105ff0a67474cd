import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

// A cached article is only as good as the code that cleaned, chunked and counted it. The cache
// carries a hash of that code, so an upgrade (a better repair, say) rebuilds the index by itself.

const HERE = fileURLToPath(import.meta.url);
const SOURCE = path.dirname(HERE);
// .ts under tsx, .js when compiled: the same names with this module's own extension.
const EXT = path.extname(HERE);
const PIPELINE = [path.join(SOURCE, "../knowledge"), path.join(SOURCE, `tokenize${EXT}`), path.join(SOURCE, `search-index${EXT}`)];

async function files(entry: string): Promise<string[]> {
  const found = await readdir(entry, { recursive: true, withFileTypes: true }).catch(() => undefined);
  if (!found) return [entry];
  return found.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

let fingerprint: Promise<string> | undefined;

export function pipelineFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const hash = createHash("sha256");
    const all = (await Promise.all(PIPELINE.map(files))).flat().sort();
    for (const file of all) hash.update(path.relative(SOURCE, file)).update(await readFile(file).catch(() => "missing"));
    return hash.digest("hex").slice(0, 16);
  })();
  return fingerprint;
}
