import { createHash } from "node:crypto";
import path from "node:path";
import { IndexError } from "../errors.js";
import { readCheckedFile, writeCheckedFile } from "./checked-file.js";
import { pipelineFingerprint } from "./pipeline-fingerprint.js";

// Passage vectors per article content hash and model id: a new model re-embeds everything,
// a new or changed article embeds only itself.

const FORMAT = "newsdesk-vectors";
const VERSION = 1;

interface Meta {
  modelId: string;
  /** The chunking code the passages came from: other code, other passages, other vectors. */
  pipeline: string;
  dimension: number;
  entries: Array<{ hash: string; count: number }>;
}

/** Article hash → its passages' vectors, row after row. */
export type VectorsByArticle = Map<string, Float32Array>;

function fileFor(folder: string, modelId: string): string {
  return path.join(folder, `vectors-${createHash("sha256").update(modelId).digest("hex").slice(0, 12)}.bin`);
}

export async function loadVectorCache(folder: string, modelId: string, dimension: number): Promise<VectorsByArticle> {
  const file = await readCheckedFile(fileFor(folder, modelId), FORMAT, VERSION);
  const out: VectorsByArticle = new Map();
  if (!file) return out;
  const meta = file.meta as Meta;
  if (meta.pipeline !== (await pipelineFingerprint())) return out;
  if (meta.modelId !== modelId || meta.dimension !== dimension) {
    throw new IndexError(`The vector cache is for ${meta.modelId} (${meta.dimension}-d), not ${modelId}`, { modelId });
  }
  const all = new Float32Array(file.payload.buffer.slice(file.payload.byteOffset, file.payload.byteOffset + file.payload.length));
  let offset = 0;
  for (const entry of meta.entries) {
    const size = entry.count * dimension;
    out.set(entry.hash, all.slice(offset, offset + size));
    offset += size;
  }
  return out;
}

export async function saveVectorCache(folder: string, modelId: string, dimension: number, vectors: VectorsByArticle): Promise<void> {
  const entries = [...vectors].map(([hash, v]) => ({ hash, count: v.length / dimension }));
  const payload = new Uint8Array(entries.reduce((n, e) => n + e.count * dimension * 4, 0));
  let offset = 0;
  for (const v of vectors.values()) {
    payload.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), offset);
    offset += v.byteLength;
  }
  await writeCheckedFile(fileFor(folder, modelId), FORMAT, VERSION, payload, {
    modelId,
    pipeline: await pipelineFingerprint(),
    dimension,
    entries,
  } satisfies Meta);
}
