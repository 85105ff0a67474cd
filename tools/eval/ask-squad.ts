// SQuAD through the front door: the same `newsdesk.ask` the CLI and the bot use (createNewsdesk over a
// knowledge folder of the SQuAD paragraphs, shipped thresholds and reply kinds), scored as a user reads
// the replies; and questions whose answer is in no article, to count false answers.
import path from "node:path";
import { readFile } from "node:fs/promises";
import { createNewsdesk, type NewsdeskOptions } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { silentLogger } from "../../src/log.js";
import type { Answer, Mode, Newsdesk } from "../../src/types.js";
import { knowledgeDirFor } from "../bench/corpora.js";
import { seededSample } from "../bench/seeded-sample.js";
import { titleQuestions } from "../bench/title-questions.js";
import { scoreReply, shownArticles } from "./reply-metrics.js";
import { loadSquad, type SquadQuestion } from "./squad-data.js";
import { isTrainingArticle } from "./train-reader.js";

const SEED = 2225;

export interface AskFigures {
  questions: number;
  /** The first passage shown is from the gold paragraph; among the first five shown. */
  retrievalAt1: number;
  retrievalAt5: number;
  replies: Record<Answer["kind"], number>;
  /** On `answer` replies only. */
  answerExactMatch: number;
  answerF1: number;
  /** Every question; a passage reply is scored on its sentence, not found is 0. */
  userExactMatch: number;
  userF1: number;
  rightReplies: number;
  /** The quoted sentence of an answer or passage reply holds a gold answer. */
  quotedGold: number;
  /** Sentence accuracy given the first passage shown: of the questions whose first passage shown is
   *  the gold paragraph (`firstRight` of them), the share whose quoted sentence holds a gold answer
   *  (not found counts as wrong), and the same among those that got an answer or passage reply. */
  sentence: { firstRight: number; accuracy: number; replied: number; ofReplied: number };
}

export interface OffCorpusFigures {
  questions: number;
  /** Share given an `answer` (a bold span), and a `passage` ("The article says: …"). */
  falseAnswers: number;
  passages: number;
}

export interface AskEvalReport {
  mode: Mode;
  paragraphs: number;
  all: AskFigures;
  /** The articles the span ranker and the thresholds were not tuned on (even-numbered). */
  heldOut: AskFigures;
  offCorpus: { squadOnBbc: OffCorpusFigures; bbcTitlesOnSquad: OffCorpusFigures; squad2Unanswerable: OffCorpusFigures };
  msPerQuestion: number;
}

export interface AskEvalOptions {
  dataDir: string;
  workDir: string;
  /** SQuAD v1.1 questions asked (a seeded sample); all 10,570 when not given. */
  limit?: number;
  /** Off-corpus questions per set (seeded samples). */
  offCorpus?: number;
  newsdesk?: NewsdeskOptions;
  /** Score passage replies as not found: the two replies there were before the passage kind. */
  twoKinds?: boolean;
}

async function open(knowledgeDir: string, workDir: string, tag: string, options: NewsdeskOptions = {}): Promise<Newsdesk> {
  const config = loadConfig({ KNOWLEDGE_DIR: knowledgeDir, CACHE_DIR: path.resolve(workDir, "eval-cache", tag) });
  return createNewsdesk(config, silentLogger, { nearest: 5, ...options });
}

function figures(rows: ReadonlyArray<{ answer: Answer; q: SquadQuestion }>): AskFigures {
  const n = rows.length || 1;
  const replies = { answer: 0, passage: 0, "not-found": 0 };
  let r1 = 0,
    r5 = 0,
    aEm = 0,
    aF1 = 0,
    uEm = 0,
    uF1 = 0,
    right = 0,
    quoted = 0,
    first = 0,
    firstQuoted = 0,
    firstReplied = 0;
  for (const { answer, q } of rows) {
    const shown = shownArticles(answer);
    if (shown[0] === q.articleId) r1++;
    if (shown.slice(0, 5).includes(q.articleId)) r5++;
    const s = scoreReply(answer, q.answers);
    replies[s.kind]++;
    if (s.kind === "answer") {
      aEm += s.exactMatch;
      aF1 += s.f1;
    }
    uEm += s.exactMatch;
    uF1 += s.f1;
    if (s.right) right++;
    if (s.quoted) quoted++;
    if (shown[0] === q.articleId) {
      first++;
      if (s.quoted) firstQuoted++;
      if (s.kind !== "not-found") firstReplied++;
    }
  }
  return {
    questions: rows.length,
    retrievalAt1: r1 / n,
    retrievalAt5: r5 / n,
    replies: { answer: replies.answer / n, passage: replies.passage / n, "not-found": replies["not-found"] / n },
    answerExactMatch: (100 * aEm) / (replies.answer || 1),
    answerF1: (100 * aF1) / (replies.answer || 1),
    userExactMatch: (100 * uEm) / n,
    userF1: (100 * uF1) / n,
    rightReplies: right / n,
    quotedGold: quoted / n,
    sentence: {
      firstRight: first,
      accuracy: firstQuoted / (first || 1),
      replied: firstReplied,
      ofReplied: firstQuoted / (firstReplied || 1),
    },
  };
}

async function offCorpus(newsdesk: Newsdesk, questions: readonly string[], twoKinds = false): Promise<OffCorpusFigures> {
  let answers = 0,
    passages = 0;
  for (const q of questions) {
    const a = await newsdesk.ask(q);
    if (a.kind === "answer") answers++;
    else if (a.kind === "passage" && !twoKinds) passages++;
  }
  const n = questions.length || 1;
  return { questions: questions.length, falseAnswers: answers / n, passages: passages / n };
}

async function bbcTitles(dataDir: string): Promise<string[]> {
  const lines = (await readFile(path.join(dataDir, "bbc", "manifest.jsonl"), "utf8")).split("\n").filter(Boolean);
  return lines.map((l) => (JSON.parse(l) as { title: string }).title);
}

export async function evalAskSquad(options: AskEvalOptions): Promise<AskEvalReport> {
  const { dataDir, workDir } = options;
  const offCount = options.offCorpus ?? 1000;
  const set = await loadSquad(path.join(dataDir, "squad", "dev-v1.1.json"));
  const titles = [...new Set(set.articles.map((a) => a.id.slice(0, a.id.lastIndexOf("/"))))];
  const heldOut = (q: SquadQuestion) => !isTrainingArticle(q.articleId, titles);
  const questions = options.limit ? seededSample(set.questions, options.limit, SEED) : set.questions;

  const squad = await open(await knowledgeDirFor("squad", dataDir, workDir), workDir, "squad", options.newsdesk);
  const rows: Array<{ answer: Answer; q: SquadQuestion }> = [];
  let report: AskEvalReport;
  try {
    const started = performance.now();
    const asTwoKinds = (a: Answer): Answer =>
      options.twoKinds && a.kind === "passage" ? { kind: "not-found", question: a.question, mode: a.mode, nearest: a.nearest } : a;
    for (const q of questions) rows.push({ answer: asTwoKinds(await squad.ask(q.question)), q });
    const msPerQuestion = (performance.now() - started) / questions.length;
    const titlesOff = titleQuestions(seededSample(await bbcTitles(dataDir), offCount, SEED), offCount);
    const v2 = await loadSquad(path.join(dataDir, "squad", "dev-v2.0.json"));
    const unanswerable = seededSample(
      v2.questions.filter((q) => q.impossible),
      offCount,
      SEED,
    ).map((q) => q.question);
    report = {
      mode: squad.status().mode,
      paragraphs: squad.status().articles,
      all: figures(rows),
      heldOut: figures(rows.filter((r) => heldOut(r.q))),
      offCorpus: {
        squadOnBbc: { questions: 0, falseAnswers: 0, passages: 0 },
        bbcTitlesOnSquad: await offCorpus(squad, titlesOff, options.twoKinds),
        squad2Unanswerable: await offCorpus(squad, unanswerable, options.twoKinds),
      },
      msPerQuestion,
    };
  } finally {
    await squad.close();
  }
  const bbc = await open(path.join(dataDir, "bbc", "articles"), workDir, "bbc", options.newsdesk);
  try {
    const asked = seededSample(set.questions.filter(heldOut), offCount, SEED).map((q) => q.question);
    report.offCorpus.squadOnBbc = await offCorpus(bbc, asked, options.twoKinds);
  } finally {
    await bbc.close();
  }
  return report;
}
