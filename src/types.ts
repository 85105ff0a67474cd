// The domain types every layer shares. Pure data: no behaviour, no I/O.

/** A paragraph of an article's cleaned text, by character offsets into `Article.text`. */
export interface Paragraph {
  /** 1-based, in article order. */
  number: number;
  start: number;
  end: number;
}

export interface ArticleMeta {
  title: string;
  source?: string;
  published?: string;
  author?: string;
  dateline?: string;
}

/** An article after loading and repair. `text` is what every quote and offset refers to. */
export interface Article extends ArticleMeta {
  /** Path inside the knowledge folder without extension, `/`-separated: `business/017`. */
  id: string;
  /** Cleaned, repaired body text; paragraphs separated by "\n\n". */
  text: string;
  paragraphs: Paragraph[];
  /** SHA-256 of the raw file bytes: the index cache key. */
  hash: string;
}

/** A retrieval unit: a sentence-bounded window inside one paragraph. */
export interface Passage {
  /** Stable: `${articleId}#p${paragraph}` or `${articleId}#p${paragraph}.${window}`. */
  id: string;
  articleId: string;
  title: string;
  paragraph: number;
  /** Offsets into the article's cleaned text. */
  start: number;
  end: number;
  text: string;
}

export type Mode = "model" | "lexical";

/** A passage with its retrieval score (higher is better). */
export interface ScoredPassage {
  passage: Passage;
  score: number;
}

/** An answer span proposed by a reader, as offsets into `passage.text`. */
export interface Span {
  passageId: string;
  start: number;
  end: number;
  /** The reader's confidence in [0, 1]. */
  score: number;
  /** The QA model's score for "this passage holds no answer" ([CLS] span), when the reader has one. */
  noAnswerScore?: number;
}

export interface EmbedOptions {
  /** Called after each model call with the texts embedded so far. */
  onProgress?: (done: number, total: number) => void;
  /** Checked before each model call: once aborted, the call rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Turns texts into unit-length vectors. The model-backed one lives in src/models; it plans its
 * batches over the whole call, so give it all the texts at once.
 */
export interface Embedder {
  readonly modelId: string;
  readonly dimension: number;
  embed(texts: string[], kind: "query" | "passage", options?: EmbedOptions): Promise<Float32Array[]>;
}

/** Proposes answer spans for a question over retrieved passages (lexical or QA model). */
export interface Reader {
  readonly mode: Mode;
  readonly modelId: string;
  read(question: string, passages: ScoredPassage[]): Promise<Span[]>;
}

/** Writes a summary in a model's own words (generated summaries). The model-backed one lives in src/models. */
export interface TextSummarizer {
  readonly modelId: string;
  /** A summary of `text` in the model's own words, of about `maxWords` words. */
  summarize(text: string, options: { maxWords: number }): Promise<string>;
}

/** Where a reply comes from: the article, the paragraph and the sentence(s) quoted exactly. */
export interface Quote {
  articleId: string;
  title: string;
  paragraph: number;
  passageId: string;
  /** The cited sentence(s), exactly as in the article. */
  quote: string;
  source: string | null;
}

/** A quote with the answer span marked inside it. */
export interface Citation extends Quote {
  /** Offsets of the answer inside `quote`. */
  answerStart: number;
  answerEnd: number;
}

export interface Nearest {
  articleId: string;
  paragraph: number;
  passageId: string;
  text: string;
  score: number;
}

/**
 * The three kinds of reply. `answer`: a confident span, marked in its quoted sentence. `passage`:
 * the articles clearly hold the relevant sentence but the span is uncertain, so the sentence itself
 * is the answer ("The article says: …", no span marked). `not-found`: nothing in the articles is
 * relevant; the nearest passages are shown.
 */
export type Answer =
  | {
      kind: "answer";
      question: string;
      answer: string;
      /** The reader's confidence in the span, in [0, 1]. */
      score: number;
      mode: Mode;
      citation: Citation;
      nearest: Nearest[];
    }
  | {
      kind: "passage";
      question: string;
      /** The sentence that holds the answer, verbatim (the same text as `citation.quote`). */
      answer: string;
      /** How strongly the sentence matches the question, in [0, 1]. */
      score: number;
      mode: Mode;
      citation: Quote;
      nearest: Nearest[];
    }
  | {
      kind: "not-found";
      question: string;
      mode: Mode;
      nearest: Nearest[];
    };

export type AnswerKind = Answer["kind"];

/** How a question asked within a conversation was understood. */
export interface ConversationNote {
  /** True when the question built on earlier turns. */
  followUp: boolean;
  /** The question as the bot understood it (the question itself when not a follow-up). */
  resolvedQuestion: string;
  /** The earlier question it built on, when a follow-up. */
  previousQuestion?: string;
}

/** An answer, plus how the conversation shaped it when one was given. */
export type ConversationAnswer = Answer & { conversation?: ConversationNote };

export interface AskOptions {
  /** A conversation key, made by the face (it carries the privacy: server, channel, person).
   *  The question may build on that conversation's last turns, and becomes its newest. */
  conversation?: string;
  /** When the conversation has no turns yet, it starts from this one's (a thread opened on an answer
   *  continues that answer's conversation without sharing its key). */
  continueFrom?: string;
  /** Continue only when the conversation's last turn is at most this old (ms); otherwise start anew
   *  (an ask channel: the same person's next question shortly after the last). */
  withinMs?: number;
}

export interface SummarySentence {
  text: string;
  articleId: string;
  paragraph: number;
}

export interface Summary {
  kind: "summary";
  /** The article summarised, or null for a topic digest. */
  articleId: string | null;
  title: string;
  mode: Mode | "generated";
  /** Article sentences, verbatim; in mode "generated", the ones the generated text drew on. */
  sentences: SummarySentence[];
  /** Mode "generated" only: the model-written summary (its words may not be the article's). */
  generated?: string;
}

export type SummaryLength = "short" | "medium" | "long";

export interface SummaryOptions {
  /** An exact sentence count; wins over `length`. */
  sentences?: number;
  length?: SummaryLength;
}

export type SummaryResult = Summary | { kind: "unknown-article"; articleId: string; closest: string[] };

export interface ArticleInfo {
  id: string;
  title: string;
  source?: string;
  published?: string;
  paragraphs: number;
}

export interface KnowledgeProblem {
  /** Path inside the knowledge folder. */
  file: string;
  reason: string;
}

export interface ReindexReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  problems: KnowledgeProblem[];
  passages: number;
}

/** How the knowledge folder's changes are noticed. */
export type ChangeDetection =
  /** File-system events, one watch per folder. */
  | { kind: "events"; folders: number }
  /** A stat scan (size and modification time) every `intervalSeconds` or more; `reason` says why. */
  | { kind: "poll"; intervalSeconds: number; files: number; reason: string }
  /** Not watched: changes count after /reindex (or `npm run index`). */
  | { kind: "manual"; reason: string };

/** When the index was last compared with the knowledge folder (the size and time of every file). */
export interface FolderCheck {
  /** Since when a comparison is running; null when none is. At the bot's start the first one runs
   *  while it already answers from the index as it was. */
  checkingSince: Date | null;
  /** The last comparison that finished: when, and how many articles it added, changed or removed,
   *  or why it failed. Null before the first one ends. */
  last: { at: Date; changed: number } | { at: Date; failed: string } | null;
}

export interface Status {
  mode: Mode;
  embedderModel: string | null;
  readerModel: string | null;
  articles: number;
  passages: number;
  /** What the index holds, as a short hash of article ids and contents (the same on every machine). */
  knowledgeVersion: string;
  startedAt: Date;
  version: string;
  changes: ChangeDetection;
  /** Dense search in model mode: exact, or the HNSW graph's state (opening, building, ready, failed), and
   *  how many passage vectors it searches. Absent in lexical mode. */
  vectorSearch?: {
    search: string;
    vectors: number;
    /** Passages being embedded now: how many of them are done, and the time to go at the rate so far. */
    embedding?: { done: number; total: number; etaMs: number };
  };
  folder: FolderCheck;
}

/** How an article matched what was typed, best first; "all" when nothing was typed. */
export type TitleMatch = "id" | "title" | "prefix" | "word-prefix" | "substring" | "all";

export interface ArticleMatch {
  article: ArticleInfo;
  match: TitleMatch;
}

/** The one core both faces (CLI and Discord) use. Nothing behind it imports discord.js. */
export interface Newsdesk {
  ask(question: string, options?: AskOptions): Promise<ConversationAnswer>;
  summarize(articleId: string, options?: SummaryOptions): Promise<SummaryResult>;
  summarizeTopic(topic: string, options?: SummaryOptions): Promise<Summary>;
  /** Newest first (by `published`, then title). */
  articles(): ArticleInfo[];
  /** Articles by what somebody typed (id, title, title words; case and accents ignored), best first. */
  findArticles(query: string, limit: number): ArticleMatch[];
  /** One article's entry of `articles()`, by id (a reply's citations: no copy of the whole list). */
  articleInfo(id: string): ArticleInfo | undefined;
  passage(id: string): Passage | undefined;
  status(): Status;
  reindex(): Promise<ReindexReport>;
  close(): Promise<void>;
}
