// The passages and articles of a corpus as the app indexes them (repaired, chunked), for the
// measurement scripts that need the texts without the app around them.
import path from "node:path";
import { repairText } from "../../src/knowledge/repair/index.js";
import { silentLogger } from "../../src/log.js";
import { openKnowledgeIndex } from "../../src/search/knowledge-index.js";

export interface CorpusTexts {
  /** Passages as the embedder gets them: "title. text". */
  embedded: string[];
  /** Passage texts alone, as the QA reader gets them. */
  passages: string[];
  /** Whole article texts, as the summariser gets them. */
  articles: string[];
}

export async function corpusTexts(knowledgeDir: string, cacheDir: string): Promise<CorpusTexts> {
  const knowledge = await openKnowledgeIndex({
    knowledgeDir,
    cacheDir: path.resolve(cacheDir),
    repair: (b) => repairText(b),
    logger: silentLogger,
  });
  try {
    await knowledge.refresh();
    const all = [...knowledge.search.eachPassage()];
    const ids = knowledge.search.articleIds().sort();
    return {
      embedded: all.map((p) => `${p.title}. ${p.text}`),
      passages: all.map((p) => p.text),
      articles: ids.map((id) => knowledge.search.article(id)!.text),
    };
  } finally {
    knowledge.close();
  }
}
