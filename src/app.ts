import { createRequire } from "node:module";
import { ANSWER_THRESHOLDS } from "./answer/answer-defaults.js";
import { ask } from "./answer/ask.js";
import { createLexicalReader } from "./answer/lexical-reader.js";
import { retrieve } from "./retrieval/retrieve.js";
import type { Config } from "./config/index.js";
import { ModelError } from "./errors.js";
import { idf } from "./search/bm25.js";
import { embedPassages } from "./search/embed-passages.js";
import { cachedQueries } from "./retrieval/query-cache.js";
import { refreshIndex, type RefreshResult } from "./search/refresh.js";
import { assembleIndex, type SearchIndex } from "./search/search-index.js";
import { buildCatalog, closestArticleIds, findArticles, type ArticleCatalog } from "./search/article-catalog.js";
import { repairText } from "./knowledge/repair/index.js";
import type { Logger } from "./log.js";
// The models barrel loads transformers.js only when a model is really loaded (a lexical start stays cheap).
import { resolveModels, summaryModel, watchForModels, type ModelWatcher, type ReadyModels } from "./models/index.js";
import { coalesce } from "./service/coalesced-reindex.js";
import { watchKnowledge, type KnowledgeWatcher } from "./service/watch-knowledge.js";
import { DIGEST_DEFAULTS, summarizeArticle, summarizeGenerated, summarizeTopic } from "./summarize/index.js";
import type { ArticleInfo, ChangeDetection, Embedder, Newsdesk, Reader, ReindexReport } from "./types.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

/** Never mutated: every change swaps in a new state in one step, so a question in flight
 *  reads one consistent index (and its vectors) from start to finish. */
interface State {
  readonly refresh: RefreshResult;
  readonly index: SearchIndex;
  /** The article list and its title index, rebuilt only when the list changes. */
  readonly catalog: ArticleCatalog;
  readonly models?: ReadyModels;
}

export interface NewsdeskOptions {
  /** Keep trying to load the models in the background when they are unavailable (the bot). */
  watchModels?: boolean;
  /** Re-index by itself when the knowledge folder changes, as WATCH_KNOWLEDGE says (the bot). */
  watchKnowledge?: boolean;
  /** "Not found" thresholds, when not the calibrated defaults. */
  thresholds?: { model?: number; lexical?: number };
}

/** Wires config, index and models into the one core that the CLI and Discord faces share. */
export async function createNewsdesk(config: Config, logger: Logger, options: NewsdeskOptions = {}): Promise<Newsdesk> {
  const startedAt = new Date();
  const refreshOptions = { knowledgeDir: config.KNOWLEDGE_DIR, cacheDir: config.CACHE_DIR, repair: (b: string) => repairText(b), logger };
  const first = await refreshIndex(refreshOptions);
  logReport(logger, first.report);
  if (first.items.length === 0) {
    logger.warn(
      `The knowledge folder ${config.KNOWLEDGE_DIR} has no articles (.md, .txt or .html files): every question will be "not found"`,
    );
  }
  const firstIndex = assembleIndex(first.items);
  let state: State = { refresh: first, index: firstIndex, catalog: buildCatalog(firstIndex.articles.values()) };
  let watcher: ModelWatcher | undefined;

  /** The index with its passages embedded by `models` (cached vectors are reused). */
  async function withVectors(refresh: RefreshResult, index: SearchIndex, models: ReadyModels): Promise<SearchIndex> {
    if (index.vectors?.modelId === models.embedder.modelId) return index;
    return { ...index, vectors: await embedPassages(index, refresh.items, models.embedder, refresh.folder, logger) };
  }

  async function useModels(models: ReadyModels): Promise<void> {
    // A reindex may swap the index while this one is being embedded: embed again until the
    // index embedded is still the current one (the vector cache makes a repeat cheap).
    for (;;) {
      const current = state;
      const index = await withVectors(current.refresh, current.index, models);
      if (state === current) {
        state = { ...current, index, models };
        break;
      }
    }
    logger.info("Answering in model mode", { embedder: models.embedder.modelId, reader: models.reader.modelId });
  }

  try {
    const availability = await resolveModels(config, logger);
    // "unavailable" was already logged, with its reason, where it was decided.
    if (availability.kind === "ready") await useModels(availability);
    else if (availability.kind === "disabled") logger.info(`Answering in lexical mode (${availability.reason})`);
  } catch (error) {
    logger.error("The models failed to load; answering in lexical mode", { error });
  }
  if (!state.models && config.ANSWER_MODE === "auto" && options.watchModels) {
    watcher = watchForModels(config, logger, {
      onReady: (m) => void useModels(m).catch((error) => logger.error("Switching to the models failed", { error })),
    });
  }

  let knowledgeWatcher: KnowledgeWatcher | undefined;
  const notWatched: ChangeDetection = {
    kind: "manual",
    reason: options.watchKnowledge ? "WATCH_KNOWLEDGE=off" : "this process does not watch the folder",
  };

  // GENERATED_SUMMARIES: the summary model loads on the first summary, and only in model mode.
  const summarizer = config.GENERATED_SUMMARIES ? summaryModel(config, logger) : undefined;

  const lexicalReader = (index: SearchIndex): Reader => createLexicalReader({ idf: (t) => idf(index.bm25, t) });
  const embedder = (): Embedder | undefined => state.models?.embedder;

  const newsdesk: Newsdesk = {
    async ask(question) {
      const { index, models } = state;
      return ask(
        models
          ? {
              index,
              reader: models.reader,
              embedder: cachedQueries(models.embedder),
              threshold: options.thresholds?.model ?? config.ANSWER_THRESHOLD ?? ANSWER_THRESHOLDS.model,
            }
          : {
              index,
              reader: lexicalReader(index),
              threshold: options.thresholds?.lexical ?? config.ANSWER_THRESHOLD ?? ANSWER_THRESHOLDS.lexical,
            },
        question,
      );
    },
    async summarize(articleId, summaryOptions) {
      const article = state.index.articles.get(articleId);
      if (!article) return { kind: "unknown-article", articleId, closest: closestArticleIds(state.catalog, articleId) };
      if (summarizer && state.models) {
        try {
          return await summarizeGenerated(article, summaryOptions ?? {}, await summarizer.get());
        } catch (error) {
          if (!(error instanceof ModelError)) throw error;
          logger.warn("Generated summary failed; giving the extractive one", { articleId, error });
        }
      }
      return summarizeArticle(article, summaryOptions, embedder());
    },
    async summarizeTopic(topic, summaryOptions) {
      const hits = retrieve(state.index, topic, { k: DIGEST_DEFAULTS.passages });
      return summarizeTopic(topic, hits, state.index.articles, summaryOptions, embedder());
    },
    articles: (): ArticleInfo[] => [...state.catalog.list],
    findArticles: (query, limit) => findArticles(state.catalog, query, limit),
    passage: (id) => state.index.passageById.get(id),
    status: () => ({
      mode: state.models ? "model" : "lexical",
      embedderModel: state.models?.embedder.modelId ?? null,
      readerModel: state.models?.reader.modelId ?? null,
      articles: state.index.articles.size,
      passages: state.index.passages.length,
      startedAt,
      version,
      changes: knowledgeWatcher?.detection() ?? notWatched,
    }),
    // One at a time for /reindex and the watcher together; requests made meanwhile share the next run.
    reindex: coalesce(async (): Promise<ReindexReport> => {
      const refresh = await refreshIndex(refreshOptions);
      let index = assembleIndex(refresh.items);
      // Models that arrive while this index is being refreshed or embedded are caught by the next pass.
      while (state.models && index.vectors?.modelId !== state.models.embedder.modelId)
        index = await withVectors(refresh, index, state.models);
      const catalog = buildCatalog(index.articles.values(), state.catalog);
      // Swapped in one step: questions in flight finish on the old index.
      state = { ...state, refresh, index, catalog };
      logReport(logger, refresh.report);
      return refresh.report;
    }),
    async close() {
      await knowledgeWatcher?.close();
      watcher?.stop();
      await Promise.all([state.models?.dispose(), summarizer?.dispose()]);
    },
  };
  if (options.watchKnowledge && config.WATCH_KNOWLEDGE !== "off") {
    knowledgeWatcher = watchKnowledge(config.KNOWLEDGE_DIR, () => newsdesk.reindex(), logger, {
      mode: config.WATCH_KNOWLEDGE,
      pollIntervalMs: config.WATCH_POLL_SECONDS * 1000,
      cacheDir: config.CACHE_DIR,
    });
  }
  return newsdesk;
}

function logReport(logger: Logger, report: ReindexReport): void {
  const { added, changed, removed, unchanged, problems, passages } = report;
  logger.info(`Indexed ${added.length + changed.length + unchanged} articles, ${passages} passages`, {
    added: added.length,
    changed: changed.length,
    removed: removed.length,
    unchanged,
    skipped: problems.length,
  });
}
