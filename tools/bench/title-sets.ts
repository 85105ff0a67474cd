// Synthetic article lists for the autocomplete bench: real BBC titles repeated with the variants a
// newsroom archive has (follow-ups, dated and numbered versions, live pages), and the keystrokes
// somebody types while looking one up. Seeded: the same size gives the same titles and keystrokes.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createRandom } from "../seeded-random.js";
import type { ArticleInfo } from "../../src/types.js";

/** The first line of every BBC article: the title, as the app reads .txt files. */
export async function bbcTitles(dataDir: string): Promise<{ category: string; title: string }[]> {
  const root = path.join(dataDir, "bbc", "articles");
  const out: { category: string; title: string }[] = [];
  for (const category of (await readdir(root)).sort()) {
    for (const file of (await readdir(path.join(root, category))).sort()) {
      const text = await readFile(path.join(root, category, file), "utf8");
      out.push({ category, title: text.split("\n", 1)[0]!.trim() });
    }
  }
  return out;
}

const VARIANTS: ((t: string, n: number, r: () => number) => string)[] = [
  (t) => t,
  (t, n) => `${t} (update ${1 + (n % 9)})`,
  (t, n) => `${t}, ${2000 + (n % 27)}`,
  (t) => `Live: ${t}`,
  (t, n) => `${t} - part ${1 + (n % 5)}`,
  (t, _, r) => `${t} as ${["Brussels", "Zürich", "São Paulo", "Kraków", "Lagos"][Math.floor(r() * 5)]} reacts`,
];

/** `count` articles, newest first as `articles()` lists them, ids like the knowledge folder's. */
export function syntheticArticles(base: readonly { category: string; title: string }[], count: number, seed = 17): ArticleInfo[] {
  const random = createRandom(seed);
  const start = Date.UTC(2024, 0, 1);
  const list: ArticleInfo[] = [];
  for (let i = 0; i < count; i++) {
    const { category, title } = base[Math.floor(random() * base.length)]!;
    const variant = VARIANTS[Math.floor(random() * VARIANTS.length)]!;
    const published = new Date(start + Math.floor(random() * 2 * 365 * 86_400_000)).toISOString().slice(0, 10);
    list.push({
      id: `${category}/${published.slice(0, 7)}/${String(i).padStart(6, "0")}`,
      title: variant(title, i, random),
      published,
      paragraphs: 8,
    });
  }
  return list.sort((a, b) => (b.published ?? "").localeCompare(a.published ?? "") || a.title.localeCompare(b.title));
}

/** What is typed, keystroke by keystroke: the start of a title, a word from inside one, an id, a miss. */
export function keystrokes(articles: readonly ArticleInfo[], lookups: number, seed = 29): string[] {
  const random = createRandom(seed);
  const pick = () => articles[Math.floor(random() * articles.length)]!;
  const typed: string[] = [];
  const typeOut = (text: string, max: number) => {
    for (let k = 1; k <= Math.min(text.length, max); k++) typed.push(text.slice(0, k));
  };
  for (let i = 0; i < lookups; i++) {
    const a = pick();
    const words = a.title.split(" ");
    const kind = i % 4;
    if (kind === 0) typeOut(a.title, 18);
    else if (kind === 1) typeOut(words.slice(Math.floor(words.length / 2)).join(" "), 12);
    else if (kind === 2) typeOut(a.id, 14);
    else typeOut(`${words[0]} qzx`, 10);
  }
  return typed;
}
