// One file of the knowledge folder read and prepared for the index (parsed, repaired, chunked,
// tokenised): the per-article work of a refresh, the same code on this thread or a worker.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isSystemError, UnreadableFile } from "../errors.js";
import { buildArticle, hashBytes } from "../knowledge/build-article.js";
import { prepareArticle, type FileState, type PreparedArticle } from "./article-rows.js";

export interface PrepareJob {
  state: FileState;
  /** The article id the file gets (assign-article-ids.ts). */
  id: string;
  /** What the index holds for the file, if anything: same bytes and id mean only a new stamp. */
  stored?: { hash: string; id: string };
}

export type PrepareOutcome =
  { kind: "touched"; state: FileState } | { kind: "built"; item: PreparedArticle } | { kind: "problem"; file: string; reason: string };

// A file that cannot be read or parsed is a problem to report; anything else is broken state.
export const isProblem = (error: unknown) => error instanceof UnreadableFile || isSystemError(error);
export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function prepareFile(knowledgeDir: string, job: PrepareJob, repair: (body: string) => string): Promise<PrepareOutcome> {
  const { state, id, stored } = job;
  try {
    const bytes = await readFile(path.join(knowledgeDir, state.file));
    if (stored && stored.hash === hashBytes(bytes) && stored.id === id) return { kind: "touched", state };
    return { kind: "built", item: prepareArticle(state, buildArticle(state.file, bytes, repair, id)) };
  } catch (error) {
    if (!isProblem(error)) throw error;
    return { kind: "problem", file: state.file, reason: reasonOf(error) };
  }
}

export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return out;
}
