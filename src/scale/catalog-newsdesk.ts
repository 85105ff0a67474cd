// What a gateway shard holds of the core when answer workers do the answering: the announced article
// list, for /articles, autocomplete and did-you-mean. Anything that needs the index is a job for a
// worker, so those calls here are a programming error, not a fallback.
import { createRequire } from "node:module";
import { buildTitleIndex, type TitleIndex } from "../search/title-index.js";
import type { ArticleInfo, Newsdesk } from "../types.js";
import type { Cluster } from "./cluster.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

export function catalogNewsdesk(cluster: Cluster): Newsdesk {
  const startedAt = new Date();
  let indexed: { list: ArticleInfo[]; titles: TitleIndex<ArticleInfo>; byId: Map<string, ArticleInfo> } | undefined;
  const catalog = () => {
    const list = cluster.articles();
    if (indexed?.list !== list) indexed = { list, titles: buildTitleIndex(list), byId: new Map(list.map((a) => [a.id, a])) };
    return indexed;
  };
  const titles = () => catalog().titles;
  const onWorkers = (what: string) => () => Promise.reject(new Error(`${what} runs on the answer workers (REDIS_URL is set)`));
  return {
    ask: onWorkers("ask"),
    summarize: onWorkers("summarize"),
    summarizeTopic: onWorkers("summarizeTopic"),
    reindex: onWorkers("reindex"),
    articles: () => [...cluster.articles()],
    findArticles: (query, limit) =>
      titles()
        .find(query, limit)
        .map((h) => ({ article: h.entry, match: h.match })),
    articleInfo: (id) => catalog().byId.get(id),
    passage: () => undefined,
    status: () => ({
      mode: "lexical",
      embedderModel: null,
      readerModel: null,
      articles: cluster.articles().length,
      passages: 0,
      knowledgeVersion: "",
      startedAt,
      version,
      changes: { kind: "manual", reason: "the answer workers watch the knowledge folder" },
      folder: { checkingSince: null, last: null },
    }),
    close: () => cluster.close(),
  };
}
