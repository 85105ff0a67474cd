import path from "node:path";
import { articleIdOf } from "./build-article.js";

export interface ArticleIds {
  /** The article id of each file. */
  ids: Map<string, string>;
  /** Files that would have shared one id (story.md, story.txt …): each got its own. */
  shared: Array<{ id: string; files: string[] }>;
}

/**
 * The article id of every file in the folder listing. An id is the path without its extension;
 * when several files would share one (story.md, story.txt, story.html), each keeps its extension
 * in its id (`story.md`, `story.txt`, …), so none is dropped or merged, and which is which does not
 * depend on the order files are read in.
 */
export function assignArticleIds(files: readonly string[]): ArticleIds {
  const byStem = new Map<string, string[]>();
  for (const file of files) {
    const stem = articleIdOf(file);
    byStem.set(stem, [...(byStem.get(stem) ?? []), file]);
  }
  const ids = new Map<string, string>();
  const shared: ArticleIds["shared"] = [];
  for (const [stem, group] of byStem) {
    if (group.length === 1) {
      ids.set(group[0]!, stem);
      continue;
    }
    const sorted = [...group].sort();
    shared.push({ id: stem, files: sorted });
    for (const file of sorted) ids.set(file, `${stem}${path.extname(file).toLowerCase()}`);
  }
  return { ids, shared };
}
