// The bench corpora as knowledge folders the real app loads, and their question sets.
//   seed  the repository's ./knowledge folder; title questions
//   bbc   <data>/bbc/articles (2,225 articles, read in place); title questions over a seeded sample
//   squad SQuAD v1.1 dev paragraphs, written once as .txt files; SQuAD's own questions, seeded sample
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadSquad } from "../eval/squad-data.js";
import { KnowledgeError } from "../../src/errors.js";
import type { ArticleInfo } from "../../src/types.js";
import { seededSample } from "./seeded-sample.js";
import { titleQuestions } from "./title-questions.js";

export const CORPORA = ["seed", "bbc", "squad"] as const;
export type CorpusName = (typeof CORPORA)[number];
export const SAMPLE_SEED = 2225;

function requireData(file: string): void {
  if (!existsSync(file))
    throw new KnowledgeError(`Evaluation data not found at ${file}; pass --data DIR (the folder holding bbc/ and squad/)`, { file });
}

/** The folder to index for `corpus`, preparing it first when it has to be written. */
export async function knowledgeDirFor(corpus: CorpusName, dataDir: string, workDir: string): Promise<string> {
  if (corpus === "seed") return path.resolve("knowledge");
  if (corpus === "bbc") {
    const dir = path.join(dataDir, "bbc", "articles");
    requireData(dir);
    return path.resolve(dir);
  }
  const dir = path.resolve(workDir, "bench-corpora", "squad");
  if (existsSync(dir)) return dir;
  const source = path.join(dataDir, "squad", "dev-v1.1.json");
  requireData(source);
  const { articles } = await loadSquad(source);
  await mkdir(path.dirname(dir), { recursive: true });
  const staging = await mkdtemp(`${dir}.staging-`);
  // One .txt per paragraph: the title line, then the paragraph, exactly as the app reads .txt files.
  for (const a of articles) {
    const file = path.join(staging, `${a.id}.txt`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${a.title}\n\n${a.text}\n`);
  }
  await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }));
  return dir;
}

/** The questions asked of `corpus`: `count` of them, the same on every run. */
export async function questionsFor(
  corpus: CorpusName,
  articles: readonly ArticleInfo[],
  count: number,
  dataDir: string,
): Promise<string[]> {
  if (corpus === "squad") {
    const { questions } = await loadSquad(path.join(dataDir, "squad", "dev-v1.1.json"));
    return seededSample(questions, count, SAMPLE_SEED).map((q) => q.question);
  }
  const byId = [...articles].sort((a, b) => a.id.localeCompare(b.id));
  return titleQuestions(
    seededSample(byId, count, SAMPLE_SEED).map((a) => a.title),
    count,
  );
}
