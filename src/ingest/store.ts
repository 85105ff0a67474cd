// The ingested part of the knowledge folder: one file per story. The same canonical URL maps to
// the same file (an update rewrites it in place); the same words under another URL are not stored
// again. The index is rebuilt from the files themselves, so there is no second record to drift.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { writeFileAtomic } from "./atomic-write.js";
import type { ExtractedArticle } from "./extract-article.js";
import { hostFolder, shortHash, slugFor } from "./slug.js";
import { textHash } from "./text-hash.js";
import { toMarkdown } from "./to-markdown.js";

export type SaveOutcome =
  | { kind: "added" | "updated" | "unchanged"; url: string; file: string; title: string }
  | { kind: "duplicate"; url: string; file: string; title: string; of: string };

export interface ArticleStore {
  /** Files are relative to the knowledge folder, `/`-separated. */
  save(article: ExtractedArticle): Promise<SaveOutcome>;
  /** Whether the story at this canonical URL is stored. */
  has(url: string): boolean;
}

interface Entry {
  source: string;
  hash: string;
  file: string;
  text: string;
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return [];
    throw e;
  });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".md") && !e.name.startsWith(".")).map((e) => path.join(e.parentPath, e.name));
}

/** Opens the store over `knowledgeDir/subdir`. */
export async function openStore(knowledgeDir: string, subdir = ""): Promise<ArticleStore> {
  const root = path.join(knowledgeDir, subdir);
  const bySource = new Map<string, Entry>();
  const byHash = new Map<string, Entry>();
  const byFile = new Map<string, Entry>();
  const remember = (entry: Entry) => {
    bySource.set(entry.source, entry);
    byHash.set(entry.hash, entry);
    byFile.set(entry.file, entry);
  };
  for (const full of await markdownFiles(root)) {
    const text = await readFile(full, "utf8");
    let data: Record<string, unknown>;
    let content: string;
    try {
      ({ data, content } = matter(text, {}));
    } catch {
      continue;
    }
    if (typeof data.source !== "string") continue;
    remember({ source: data.source, hash: textHash(content), file: full, text });
  }
  let queue: Promise<unknown> = Promise.resolve();
  const relative = (file: string) => path.relative(knowledgeDir, file).split(path.sep).join("/");

  async function save(article: ExtractedArticle): Promise<SaveOutcome> {
    const text = toMarkdown(article);
    const hash = textHash(article.paragraphs.join("\n\n"));
    const base = { url: article.url, title: article.title };
    const same = bySource.get(article.url);
    const twin = byHash.get(hash);
    if (!same && twin) return { kind: "duplicate", ...base, file: relative(twin.file), of: twin.source };
    if (same && twin && twin !== same) return { kind: "duplicate", ...base, file: relative(twin.file), of: twin.source };
    if (same?.text === text) return { kind: "unchanged", ...base, file: relative(same.file) };
    let file = same?.file;
    if (!file) {
      const url = new URL(article.url);
      file = path.join(root, hostFolder(url), `${slugFor(url)}.md`);
      // Another story already has this slug (say /news/1 and /news/1/): keep both.
      if (byFile.has(file)) file = path.join(root, hostFolder(url), `${slugFor(url)}-${shortHash(article.url)}.md`);
    }
    await writeFileAtomic(file, text);
    if (same) byHash.delete(same.hash);
    remember({ source: article.url, hash, file, text });
    return { kind: same ? "updated" : "added", ...base, file: relative(file) };
  }

  return {
    has: (url) => bySource.has(url),
    // One save at a time: two copies of a story fetched together must not both be "added".
    save(article) {
      const next = queue.then(() => save(article));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
