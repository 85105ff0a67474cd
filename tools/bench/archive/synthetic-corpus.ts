// A newsroom archive made up, the same for the same size: each article is 3–12 real paragraphs
// (BBC and SQuAD v1.1 dev, drawn with replacement, so near-copies exist as in a real archive),
// written as .txt files a thousand to a folder. SQuAD questions are planted: each one's paragraph
// is put into a chosen article, so retrieval can be scored at any corpus size.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { KnowledgeError } from "../../../src/errors.js";
import { createRandom } from "../../seeded-random.js";

export interface PlantedQuestion {
  question: string;
  answers: string[];
  /** The paragraph the question was written on (planted in `file`, and perhaps elsewhere by chance). */
  paragraph: string;
  file: string;
}

export interface SyntheticCorpus {
  dir: string;
  articles: number;
  planted: PlantedQuestion[];
}

interface SourceParagraph {
  title: string;
  text: string;
}

interface RawSquad {
  data: Array<{
    title: string;
    paragraphs: Array<{ context: string; qas: Array<{ question: string; answers: Array<{ text: string }> }> }>;
  }>;
}

export const SYNTHETIC_SEED = 13;

async function sources(dataDir: string) {
  const bbcDir = path.join(dataDir, "bbc", "articles");
  const squadFile = path.join(dataDir, "squad", "dev-v1.1.json");
  for (const f of [bbcDir, squadFile])
    if (!existsSync(f)) throw new KnowledgeError(`Evaluation data not found at ${f}; pass --data DIR`, { file: f });
  const pool: SourceParagraph[] = [];
  for (const category of (await readdir(bbcDir)).sort()) {
    for (const name of (await readdir(path.join(bbcDir, category))).sort()) {
      const [title, ...paragraphs] = (await readFile(path.join(bbcDir, category, name), "utf8")).split(/\n\s*\n/).map((p) => p.trim());
      for (const text of paragraphs) if (text) pool.push({ title: title!, text });
    }
  }
  const squad = JSON.parse(await readFile(squadFile, "utf8")) as RawSquad;
  const questions: Array<{ question: string; answers: string[]; paragraph: SourceParagraph }> = [];
  for (const article of squad.data) {
    const title = article.title.replaceAll("_", " ");
    for (const p of article.paragraphs) {
      const paragraph = { title, text: p.context.trim() };
      pool.push(paragraph);
      for (const q of p.qas) questions.push({ question: q.question, answers: q.answers.map((a) => a.text), paragraph });
    }
  }
  return { pool, questions };
}

const fileOf = (i: number) => path.join(String(Math.floor(i / 1000)).padStart(3, "0"), `${String(i).padStart(6, "0")}.txt`);

/** The corpus of `size` articles under `workDir`, written once and reused. */
export async function syntheticCorpus(size: number, planted: number, dataDir: string, workDir: string): Promise<SyntheticCorpus> {
  const dir = path.resolve(workDir, "bench-corpora", `synthetic-${size}-s${SYNTHETIC_SEED}-q${planted}`);
  const manifest = path.join(dir, ".planted.json");
  if (existsSync(manifest)) return { dir, articles: size, planted: JSON.parse(await readFile(manifest, "utf8")) as PlantedQuestion[] };
  const { pool, questions } = await sources(dataDir);
  const random = createRandom(SYNTHETIC_SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  // Questions first (the same ones at every size), then the articles they go into.
  const chosen = Array.from({ length: planted }, () => pick(questions));
  const hosts = new Map<number, SourceParagraph>();
  const out: PlantedQuestion[] = [];
  for (const q of chosen) {
    let host = Math.floor(random() * size);
    while (hosts.has(host)) host = (host + 1) % size;
    hosts.set(host, q.paragraph);
    out.push({ question: q.question, answers: q.answers, paragraph: q.paragraph.text, file: fileOf(host) });
  }
  await mkdir(path.dirname(dir), { recursive: true });
  const staging = await mkdtemp(`${dir}.staging-`);
  for (let i = 0; i < size; i++) {
    const count = 3 + Math.floor(random() * 10);
    const paragraphs = Array.from({ length: count }, () => pick(pool));
    const host = hosts.get(i);
    if (host) paragraphs.splice(Math.floor(random() * count), 1, host);
    const file = path.join(staging, fileOf(i));
    if (i % 1000 === 0) await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${paragraphs[0]!.title}\n\n${paragraphs.map((p) => p.text).join("\n\n")}\n`);
  }
  await writeFile(path.join(staging, ".planted.json"), JSON.stringify(out));
  await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }));
  return { dir, articles: size, planted: out };
}
