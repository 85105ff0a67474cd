// A Newsdesk test double with the exact shapes of src/types.ts, for timing-controlled e2e cases:
// `hold()` keeps every ask waiting until `release()`.
import { buildTitleIndex } from "../../src/search/title-index.js";
import type { Answer, ArticleInfo, Newsdesk, Passage, ReindexReport, Summary } from "../../src/types.js";

const QUOTE =
  "The visit, accompanied by Deputy Commander-in-Chief Lieutenant General Saddam Khalifa Haftar, marked a key milestone in bilateral engagement following reciprocal high-level interactions.";
const ANSWER = "Lieutenant General Saddam Khalifa Haftar";

export const HAFTAR: Passage = {
  id: "haftar-visits-ghq#p1",
  articleId: "haftar-visits-ghq",
  title: "Libyan Field Marshal Khalifa Haftar calls on Field Marshal Asim Munir at GHQ",
  paragraph: 1,
  start: 0,
  end: QUOTE.length,
  text: `ISLAMABAD: Field Marshal Khalifa Haftar called on Field Marshal Syed Asim Munir at General Headquarters. ${QUOTE}`,
};

/** Thirty filler articles so lists page and autocomplete has more than 25 matches. */
const FILLER: ArticleInfo[] = Array.from({ length: 30 }, (_, i) => ({
  id: `world/report-${String(i + 1).padStart(2, "0")}`,
  title: `World report number ${i + 1}`,
  published: `2025-01-${String((i % 28) + 1).padStart(2, "0")}`,
  paragraphs: 3,
}));

export interface NewsdeskDouble extends Newsdesk {
  hold(): void;
  release(): void;
  asked: string[];
  closed: boolean;
}

export function createNewsdeskDouble(): NewsdeskDouble {
  let gate: { promise: Promise<void>; open: () => void } | null = null;
  const articles: ArticleInfo[] = [
    { id: HAFTAR.articleId, title: HAFTAR.title, source: "https://example.com/news/haftar-ghq", published: "2026-01-12", paragraphs: 9 },
    ...FILLER,
  ];
  // The real (pure) title index: the double differs from the core in its data, not in lookups.
  const titles = buildTitleIndex(articles);
  const double: NewsdeskDouble = {
    asked: [],
    closed: false,
    hold() {
      let open!: () => void;
      const promise = new Promise<void>((r) => (open = r));
      gate = { promise, open };
    },
    release() {
      gate?.open();
      gate = null;
    },
    async ask(question): Promise<Answer> {
      double.asked.push(question);
      if (gate) await gate.promise;
      const nearest = [{ articleId: HAFTAR.articleId, paragraph: 1, passageId: HAFTAR.id, text: HAFTAR.text, score: 0.2 }];
      if (!/haftar/i.test(question)) return { kind: "not-found", question, mode: "lexical", nearest };
      const start = QUOTE.indexOf(ANSWER);
      return {
        kind: "answer",
        question,
        answer: ANSWER,
        score: 0.83,
        mode: "lexical",
        nearest,
        citation: {
          articleId: HAFTAR.articleId,
          title: HAFTAR.title,
          paragraph: 1,
          passageId: HAFTAR.id,
          quote: QUOTE,
          answerStart: start,
          answerEnd: start + ANSWER.length,
          source: "https://example.com/news/haftar-ghq",
        },
      };
    },
    async summarize(articleId) {
      if (articleId !== HAFTAR.articleId) return { kind: "unknown-article", articleId, closest: [HAFTAR.articleId] };
      return {
        kind: "summary",
        articleId,
        title: HAFTAR.title,
        mode: "lexical",
        sentences: [{ text: QUOTE, articleId, paragraph: 1 }],
      } satisfies Summary;
    },
    async summarizeTopic(topic) {
      if (topic === "explode") throw new Error("summariser crashed");
      return {
        kind: "summary",
        articleId: null,
        title: `Topic: ${topic}`,
        mode: "lexical",
        sentences: [{ text: QUOTE, articleId: HAFTAR.articleId, paragraph: 1 }],
      };
    },
    articles: () => articles,
    findArticles: (query, limit) => titles.find(query, limit).map((h) => ({ article: h.entry, match: h.match })),
    articleInfo: (id) => articles.find((a) => a.id === id),
    passage: (id) => (id === HAFTAR.id ? HAFTAR : undefined),
    status: () => ({
      mode: "lexical",
      embedderModel: null,
      readerModel: null,
      articles: articles.length,
      passages: 93,
      knowledgeVersion: "3f2a9c1d0b7e",
      startedAt: new Date(Date.now() - 3_723_000),
      version: "0.1.0",
      changes: { kind: "events", folders: 1 },
      folder: { checkingSince: null, last: null },
    }),
    async reindex(): Promise<ReindexReport> {
      return { added: ["world/new-one"], changed: [], removed: [], unchanged: 31, problems: [], passages: 96 };
    },
    async close() {
      double.closed = true;
    },
  };
  return double;
}
