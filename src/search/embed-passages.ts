import type { Logger } from "../log.js";
import type { Embedder } from "../types.js";
import type { IndexedArticle, PassageVectors, SearchIndex } from "./search-index.js";
import { loadVectorCache, saveVectorCache, type VectorsByArticle } from "./vector-cache.js";

/**
 * The passage vectors of an index built from `items`: cached ones by article hash and model id,
 * the rest embedded in batches with progress on standard error, then the cache is saved. The
 * index is not touched: the caller swaps in `{ ...index, vectors }`, so readers never see a
 * half-updated index.
 */
export async function embedPassages(
  index: Pick<SearchIndex, "passages">,
  items: readonly IndexedArticle[],
  embedder: Embedder,
  folder: string,
  logger: Logger,
): Promise<PassageVectors> {
  const { modelId, dimension } = embedder;
  let cached: VectorsByArticle;
  try {
    cached = await loadVectorCache(folder, modelId, dimension);
  } catch (error) {
    logger.warn("The vector cache is unusable and will be rebuilt", { error });
    cached = new Map();
  }
  const missing = items.filter((i) => cached.get(i.article.hash)?.length !== i.passages.length * dimension);
  const total = missing.reduce((n, i) => n + i.passages.length, 0);
  if (total > 0) logger.info(`Embedding ${total} passages with ${modelId}`);
  const started = Date.now();
  let done = 0;
  const fresh: VectorsByArticle = new Map();
  for (const item of items) fresh.set(item.article.hash, cached.get(item.article.hash)!);
  for (let b = 0; b < missing.length;) {
    // Batches of whole articles, about 256 passages at a time: the embedder sorts each call by
    // length, and a wider sort pads less (BBC: 21% padded tokens at 64, 6% at 256; npm run bench).
    const batch: IndexedArticle[] = [];
    let size = 0;
    while (b < missing.length && (size === 0 || size + missing[b]!.passages.length <= 256)) {
      size += missing[b]!.passages.length;
      batch.push(missing[b++]!);
    }
    const vectors = await embedder.embed(
      batch.flatMap((i) => i.passages.map((p) => `${p.title}. ${p.text}`)),
      "passage",
    );
    let offset = 0;
    for (const item of batch) {
      const flat = new Float32Array(item.passages.length * dimension);
      item.passages.forEach((_, j) => flat.set(vectors[offset + j]!, j * dimension));
      offset += item.passages.length;
      fresh.set(item.article.hash, flat);
    }
    done += size;
    process.stderr.write(
      `\r[newsdesk] embedded ${done}/${total} passages (${Math.round((done * 1000) / Math.max(1, Date.now() - started))}/s)`,
    );
  }
  if (total > 0) {
    process.stderr.write("\n");
    await saveVectorCache(folder, modelId, dimension, fresh).catch((error: unknown) =>
      logger.warn("The vector cache could not be written", { error }),
    );
  }
  const data = new Float32Array(index.passages.length * dimension);
  let row = 0;
  for (const item of items) {
    data.set(fresh.get(item.article.hash)!, row * dimension);
    row += item.passages.length;
  }
  return { modelId, dimension, data };
}
