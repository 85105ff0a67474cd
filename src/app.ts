import { prepareCacheDir } from "./config/cache-dir.js";
import { createRequire } from "node:module";
import { ANSWER_THRESHOLDS } from "./answer/answer-defaults.js";
import { ask } from "./answer/ask.js";
import type { ReplyThresholds } from "./answer/reply-kind.js";
import { createLexicalReader } from "./answer/lexical-reader.js";
import { retrieve } from "./retrieval/retrieve.js";
import type { Config } from "./config/index.js";
import { ModelError } from "./errors.js";
import { knowledgeVersion } from "./search/knowledge-version.js";
import { cachedQueries } from "./retrieval/query-cache.js";
import { startEmbedding, type Embedding, type EmbeddingOptions } from "./search/background-embedding.js";
import { openKnowledgeIndex } from "./search/knowledge-index.js";
import {
  buildCatalog,
  buildCatalogNow,
  closestArticleIds,
  findArticles,
  withChanges,
  type ArticleCatalog,
} from "./search/article-catalog.js";
import { englishLexicon, repairText } from "./knowledge/repair/index.js";
import type { Logger } from "./log.js";
// The models barrel loads transformers.js only when a model is really loaded (a lexical start stays cheap).
import { resolveModels, summaryModel, watchForModels, type ModelWatcher, type ReadyModels } from "./models/index.js";
import {
  askInConversation,
  CONVERSATION_DEFAULTS,
  conversationLimits,
  createMemoryStore,
  type ConversationStore,
} from "./conversation/index.js";
import type { PassageBoost } from "./retrieval/retrieve.js";
import { coalesce } from "./search/coalesced-reindex.js";
import { reindexOffThread } from "./search/reindex-off-thread.js";
import { indexThreads } from "./search/prepare-pool.js";
import { DIGEST_DEFAULTS, summarizeArticle, summarizeGenerated, summarizeTopic } from "./summarize/index.js";
import type { ArticleInfo, ChangeDetection, Embedder, FolderCheck, Newsdesk, Passage, Reader, ReindexReport, Status } from "./types.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

/** Never mutated: every change swaps in a new state in one step. The index itself is the
 *  database, updated in place article by article (in transactions): no second copy is built. */
interface State {
  /** The article list and its title index: built when first needed (or in the background, for the
   *  bot), not on the way to the first answer; changed in place by a refresh. */
  readonly catalog?: ArticleCatalog;
  readonly models?: ReadyModels;
  /** Passage vectors of the models' embedder, filled before the first answer or in the background. */
  readonly embedding?: Embedding;
}

/** What the core needs of a folder watcher. */
export interface KnowledgeWatch {
  detection(): ChangeDetection;
  close(): Promise<void>;
}

export interface NewsdeskOptions {
  /** Keep trying to load the models in the background when they are unavailable (the bot). */
  watchModels?: boolean;
  /** Starts watching the knowledge folder (the bot passes the service's watcher); called unless
   *  WATCH_KNOWLEDGE=off, closed by close(), and asked by status() how changes are noticed. */
  watchKnowledge?: (reindex: () => Promise<ReindexReport>, mode: "auto" | "events" | "poll") => KnowledgeWatch;
  /** Reply-kind thresholds per mode, where not the calibrated defaults (ANSWER_THRESHOLDS). */
  thresholds?: { model?: Partial<ReplyThresholds>; lexical?: Partial<ReplyThresholds> };
  /** Passages listed as nearest in every reply (ANSWER_DEFAULTS.nearest when not given; the evals list 5). */
  nearest?: number;
  /** Embed passages in the background and answer at once (the bot): until a passage has its
   *  vector it is found by the lexical search only. Otherwise start-up and reindex wait. */
  embedInBackground?: boolean;
  /** Re-index on a worker thread, so the event loop stays free (the bot)… */
  reindexOffThread?: boolean;
  /** …unless at most this many files changed (default 50; 0: always on the worker). */
  reindexInThreadUpTo?: number;
  /** Where conversations are kept; in this process (bounded, expiring) when not given. */
  conversations?: ConversationStore;
  /** The dense index's threshold and slices (tests; the defaults are measured, see dense-index.ts). */
  denseIndex?: EmbeddingOptions;
  /** Build the article list and title index in the background after start (the bot, for
   *  /summary autocomplete); otherwise on first use. Answers never wait for it. */
  catalogInBackground?: boolean;
  /** Answer from the index as it is while the folder is compared with it in the background (the
   *  bot): the start does not wait for the listing and one stat per file (about a second at
   *  200,000 files); changes found are re-indexed as /reindex does. An empty index is always built
   *  before the start ends. Otherwise the start waits for the comparison. */
  checkFolderInBackground?: boolean;
}

/** The core, plus what only the command line's `index` needs. */
export interface LocalNewsdesk extends Newsdesk {
  /** What the comparison with the folder at start-up found (resolved before the start ends unless
   *  checkFolderInBackground). */
  readonly startup: Promise<ReindexReport>;
  /** The start's background work ended too (the comparison, and with catalogInBackground the article
   *  list and the repair's word lists): from then on the process holds what it holds while it runs. */
  readonly settled: Promise<void>;
  /** Every passage in index order, read from the database as it goes. */
  eachPassage(): Iterable<Passage>;
}

/** Wires config, index and models into the one core that the CLI and Discord faces share. */
export async function createNewsdesk(config: Config, logger: Logger, options: NewsdeskOptions = {}): Promise<LocalNewsdesk> {
  const startedAt = new Date();
  await prepareCacheDir(config);
  const knowledge = await openKnowledgeIndex({
    knowledgeDir: config.KNOWLEDGE_DIR,
    cacheDir: config.CACHE_DIR,
    repair: (b: string) => repairText(b),
    logger,
    maxArticleBytes: config.MAX_ARTICLE_BYTES,
    threads: indexThreads(),
  });
  const search = () => knowledge.search;
  const folder: { checkingSince: Date | null; last: FolderCheck["last"] } = { checkingSince: null, last: null };
  /** A refresh is a comparison of the whole folder with the index: /status says when the last one ran. */
  async function checked(refresh: () => Promise<ReindexReport>): Promise<ReindexReport> {
    folder.checkingSince = new Date();
    try {
      const report = await refresh();
      folder.last = { at: new Date(), changed: report.added.length + report.changed.length + report.removed.length };
      return report;
    } catch (error) {
      folder.last = { at: new Date(), failed: (error as Error).message };
      throw error;
    } finally {
      folder.checkingSince = null;
    }
  }
  // Nothing to answer from yet: an empty index is built before the start ends, whatever the option.
  const inBackground = options.checkFolderInBackground === true && search().counts().articles > 0;
  const first = inBackground ? undefined : await checked(() => knowledge.refresh());
  if (first) logReport(logger, first);
  if (search().counts().articles === 0) {
    logger.warn(
      `The knowledge folder ${config.KNOWLEDGE_DIR} has no articles (.md, .txt or .html files): every question will be "not found"`,
    );
  }
  let state: State = {};
  // Bumped by every refresh that changes the list: a background build of an older list is dropped.
  let listGeneration = 0;
  let cachedVersion: string | undefined;
  const catalog = (): ArticleCatalog => {
    if (!state.catalog) state = { ...state, catalog: buildCatalogNow(search().articleList()) };
    return state.catalog!;
  };
  async function warmCatalog(): Promise<void> {
    // Already built on first use (autocomplete before the start's check ended): not a second copy.
    if (state.catalog) return;
    const generation = listGeneration;
    const built = await buildCatalog(search().articleList());
    if (!state.catalog && generation === listGeneration) state = { ...state, catalog: built };
  }
  /** The list after a refresh: the changes laid over the built index, or a new one when many changed. */
  async function updateCatalog(report: ReindexReport): Promise<void> {
    listGeneration++;
    cachedVersion = undefined;
    const current = state.catalog;
    if (!current) return;
    const updated = [...report.added, ...report.changed].flatMap((id) => search().articleInfo(id) ?? []);
    const next = withChanges(current, updated, report.removed);
    if (next && next.list.length === search().counts().articles) state = { ...state, catalog: next };
    else state = { ...state, catalog: await buildCatalog(search().articleList(), current) };
  }
  let watcher: ModelWatcher | undefined;

  async function useModels(models: ReadyModels): Promise<void> {
    // One embedding loop for the database: passages a reindex adds meanwhile are picked up by it.
    const embedding = startEmbedding(knowledge, models.embedder, logger, options.denseIndex);
    if (!options.embedInBackground) await embedding.idle();
    state = { ...state, models, embedding };
    logger.info("Answering in model mode", { embedder: models.embedder.modelId, reader: models.reader.modelId });
  }

  try {
    const availability = await resolveModels(config, logger, { threads: config.MODEL_THREADS });
    // "unavailable" was already logged, with its reason, where it was decided.
    if (availability.kind === "ready") await useModels(availability);
    else if (availability.kind === "disabled") logger.info(`Answering in lexical mode (${availability.reason})`);
  } catch (error) {
    logger.error("The models failed to load; answering in lexical mode", { error });
  }
  if (!state.models && config.ANSWER_MODE === "auto" && options.watchModels) {
    watcher = watchForModels(config, logger, {
      threads: config.MODEL_THREADS,
      onReady: (m) => void useModels(m).catch((error) => logger.error("Switching to the models failed", { error })),
    });
  }

  let knowledgeWatcher: KnowledgeWatch | undefined;
  const notWatched: ChangeDetection = {
    kind: "manual",
    reason: options.watchKnowledge ? "WATCH_KNOWLEDGE=off" : "this process does not watch the folder",
  };

  // GENERATED_SUMMARIES: the summary model loads on the first summary, and only in model mode.
  const summarizer = config.GENERATED_SUMMARIES ? summaryModel(config, logger) : undefined;

  const lexicalReader = (): Reader => createLexicalReader({ idf: (t) => search().idf(t) });
  const embedder = (): Embedder | undefined => state.models?.embedder;

  /**
   * The refresh on a worker thread, in one transaction: questions meanwhile are answered from the
   * index as it was, and see the new one whole at the commit. Embedding pauses meanwhile, since its
   * writes would wait for the worker's transaction on this thread.
   */
  async function refreshOffThread(): Promise<ReindexReport> {
    // A few changed files are re-indexed here: a worker thread's own heap and word lists cost the
    // bot more memory (+60 MB at 10,000 articles) than their few milliseconds of work block it.
    const upTo = options.reindexInThreadUpTo ?? IN_THREAD_UP_TO;
    if (upTo > 0) {
      const plan = await knowledge.plan();
      if (plan.pending.length + plan.gone.length <= upTo) return knowledge.refresh(plan);
    }
    const embedding = state.embedding;
    await embedding?.stop();
    try {
      return await reindexOffThread(
        { knowledgeDir: config.KNOWLEDGE_DIR, cacheDir: config.CACHE_DIR, maxArticleBytes: config.MAX_ARTICLE_BYTES },
        logger,
      );
    } finally {
      search().invalidate();
      if (embedding && state.models)
        state = { ...state, embedding: startEmbedding(knowledge, state.models.embedder, logger, options.denseIndex) };
    }
  }

  const conversations =
    options.conversations ??
    createMemoryStore(conversationLimits({ turns: config.CONVERSATION_TURNS, idleMinutes: config.CONVERSATION_IDLE_MINUTES }));

  async function askCore(question: string, { boost, readAs, avoid }: { boost?: PassageBoost; readAs?: string; avoid?: string[] } = {}) {
    const { models, embedding } = state;
    const index = search();
    const mode = models ? "model" : "lexical";
    // ANSWER_THRESHOLD (config) moves the answer cut of either mode; a test's options win over both.
    const thresholds: ReplyThresholds = {
      ...ANSWER_THRESHOLDS[mode],
      ...(config.ANSWER_THRESHOLD !== undefined && { answer: config.ANSWER_THRESHOLD }),
      ...options.thresholds?.[mode],
    };
    const base = { index, thresholds, nearest: options.nearest, boost, readAs, avoid };
    return ask(
      models
        ? { ...base, reader: models.reader, embedder: cachedQueries(models.embedder), dense: embedding?.vectors }
        : { ...base, reader: lexicalReader() },
      question,
    );
  }

  let startup: Promise<ReindexReport> | undefined;
  let settled: Promise<void> | undefined;
  const newsdesk: LocalNewsdesk = {
    get startup() {
      return startup!;
    },
    get settled() {
      return settled!;
    },
    eachPassage: () => search().eachPassage(),
    async ask(question, askOptions) {
      if (askOptions?.conversation === undefined) return askCore(question);
      const { conversation, ...within } = askOptions;
      return askInConversation({ store: conversations, ask: askCore, lean: CONVERSATION_DEFAULTS.lean }, conversation, question, within);
    },
    async summarize(articleId, summaryOptions) {
      const article = search().article(articleId);
      if (!article) return { kind: "unknown-article", articleId, closest: closestArticleIds(catalog(), articleId) };
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
      const hits = retrieve(search(), topic, { k: DIGEST_DEFAULTS.passages });
      const articles = new Map(hits.flatMap(({ passage }) => search().article(passage.articleId) ?? []).map((a) => [a.id, a]));
      return summarizeTopic(topic, hits, articles, summaryOptions, embedder());
    },
    articles: (): ArticleInfo[] => [...catalog().list],
    findArticles: (query, limit) => findArticles(catalog(), query, limit),
    articleInfo: (id) => search().articleInfo(id),
    passage: (id) => search().passage(id),
    status: (): Status => ({
      mode: state.models ? "model" : "lexical",
      embedderModel: state.models?.embedder.modelId ?? null,
      readerModel: state.models?.reader.modelId ?? null,
      ...search().counts(),
      // Read from every article's hash (about 0.3 s at 200,000): made when asked for, once per change,
      // so a status call for the counts (the health check) does not pay for it.
      get knowledgeVersion() {
        return (cachedVersion ??= knowledgeVersion(search().articleHashes()));
      },
      startedAt,
      version,
      changes: knowledgeWatcher?.detection() ?? notWatched,
      ...(state.embedding && { vectorSearch: vectorSearchStatus(state.embedding) }),
      folder: { checkingSince: folder.checkingSince, last: folder.last },
    }),
    // One at a time for /reindex and the watcher together; requests made meanwhile share the next run.
    reindex: coalesce(async (): Promise<ReindexReport> => {
      const report = await checked(() => (options.reindexOffThread ? refreshOffThread() : knowledge.refresh()));
      // Only the changed articles are read back and laid over the title index (article-catalog.ts).
      if (report.added.length || report.changed.length || report.removed.length) await updateCatalog(report);
      if (state.embedding) {
        state.embedding.wake();
        if (!options.embedInBackground) await state.embedding.idle();
      }
      logReport(logger, report);
      return report;
    }),
    async close() {
      await knowledgeWatcher?.close();
      watcher?.stop();
      await state.embedding?.stop();
      await Promise.all([state.models?.dispose(), summarizer?.dispose()]);
      knowledge.close();
    },
  };
  if (first) startup = Promise.resolve(first);
  else {
    logger.info("Answering from the index as it is while the knowledge folder is compared with it");
    startup = newsdesk.reindex();
    // Failures are logged and shown in /status; answers keep coming from the index as it was.
    startup.catch((error: unknown) => logger.error("Comparing the knowledge folder with the index failed", { error }));
  }
  settled = startup.then(
    () => undefined,
    () => undefined,
  );
  if (options.catalogInBackground) {
    // From the checked index: a list built before the check ends would be dropped if it found changes.
    settled = settled
      .then(warmCatalog)
      .catch((error) => logger.error("Building the article list failed; it is built on first use", { error }))
      // The bot re-indexes changed files on its own thread: the repair's word lists (about 30 MB, the
      // same at any archive size) are loaded now, not on top of the first /reindex's peak.
      .then(() => {
        if (options.reindexOffThread) englishLexicon();
      })
      .catch((error) => logger.warn("Loading the repair's word lists failed; the first reindex loads them", { error }));
  }
  const watchMode = config.WATCH_KNOWLEDGE;
  if (options.watchKnowledge && watchMode !== "off") knowledgeWatcher = options.watchKnowledge(() => newsdesk.reindex(), watchMode);
  return newsdesk;
}

/** Changed files up to which the bot re-indexes on its own thread (see refreshOffThread). */
const IN_THREAD_UP_TO = 50;

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

/** Dense search's state for /status, with the embedding run's progress while one is going. */
function vectorSearchStatus(embedding: Embedding): NonNullable<Status["vectorSearch"]> {
  const progress = embedding.progress();
  return { ...embedding.vectors.status(), ...(progress && { embedding: progress }) };
}
