// Follow-up questions, through the front door: a hand-written dialogue set (tools/eval/conversations/
// dialogues.jsonl, written from reading the seed article and BBC articles) asked turn by turn within
// a conversation, and the same follow-ups asked alone (the baseline), in lexical mode.
// A reply is right when its answer holds an expected answer (or overlaps one at F1 ≥ 0.5) and it is
// cited from the dialogue's article.
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createNewsdesk } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { createMemoryStore, CONVERSATION_DEFAULTS, resolveFollowUp, turnOf } from "../../src/conversation/index.js";
import { KnowledgeError } from "../../src/errors.js";
import { silentLogger } from "../../src/log.js";
import type { Answer } from "../../src/types.js";
import { percentile } from "../bench/percentiles.js";
import { f1Score, normaliseAnswer } from "./squad-metric.js";

interface Dialogue {
  id: string;
  /** "seed" (the shipped article) or a BBC path such as "business/010". */
  article: string;
  turns: Array<{ q: string; a: string[] }>;
}

export interface ConversationsResult {
  dialogues: number;
  firstTurns: { questions: number; right: number; rightAlone: number; unchanged: number };
  followUps: { questions: number; rightWithContext: number; rightAlone: number; detected: number; ratio: number };
  /** Medians over the follow-up turns (ms). */
  latency: { conversationWorkP50: number; askWithContextP50: number; askAloneP50: number };
  misses: Array<{ id: string; turn: number; question: string; resolved: string; answer: string | null; expected: string[] }>;
}

const SEED = "haftar-visits-ghq";
const articleIdOf = (d: Dialogue) => (d.article === "seed" ? SEED : `bbc/${d.article}`);

/** Right: an expected answer inside the reply's answer (or the answer most of an expected one, "17.30"
 *  for "17.30m"; or F1 ≥ 0.5), cited from the dialogue's article or a copy of it under the same title. */
export function isRight(answer: Answer, expected: readonly string[], title: string): boolean {
  if (answer.kind === "not-found" || answer.citation.title !== title) return false;
  // A "passage" reply is right when the sentence it quotes holds an expected answer.
  if (answer.kind === "passage") return expected.some((e) => normaliseAnswer(answer.answer).includes(normaliseAnswer(e)));
  const got = normaliseAnswer(answer.answer);
  const most = (e: string) => got.length > 0 && e.includes(got) && got.length * 2 >= e.length;
  return expected.some((e) => got.includes(normaliseAnswer(e)) || most(normaliseAnswer(e))) || f1Score(answer.answer, expected) >= 0.5;
}

export async function loadDialogues(file: string): Promise<Dialogue[]> {
  return (await readFile(file, "utf8"))
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Dialogue);
}

const median = (xs: number[]) => (xs.length ? Math.round(percentile(xs, 0.5) * 1000) / 1000 : 0);

export async function evalConversations(dataDir: string, repoDir = process.cwd()): Promise<ConversationsResult> {
  const bbc = path.join(dataDir, "bbc", "articles");
  const dialogues = await loadDialogues(path.join(repoDir, "tools/eval/conversations/dialogues.jsonl"));
  const work = await mkdtemp(path.join(tmpdir(), "newsdesk-conversations-"));
  try {
    // The knowledge folder: the shipped article and every BBC article (2,225 distractors), in a scratch folder.
    await cp(path.join(repoDir, "knowledge"), path.join(work, "knowledge"), { recursive: true });
    await cp(bbc, path.join(work, "knowledge", "bbc"), { recursive: true }).catch((error: unknown) => {
      throw new KnowledgeError(`BBC articles not found at ${bbc}; pass --data DIR`, { cause: String(error) });
    });
    const config = loadConfig(
      { KNOWLEDGE_DIR: path.join(work, "knowledge"), CACHE_DIR: path.join(work, "cache"), ANSWER_MODE: "lexical" },
      {},
    );
    const newsdesk = await createNewsdesk(config, silentLogger);
    const result: ConversationsResult = {
      dialogues: dialogues.length,
      firstTurns: { questions: 0, right: 0, rightAlone: 0, unchanged: 0 },
      followUps: { questions: 0, rightWithContext: 0, rightAlone: 0, detected: 0, ratio: 0 },
      latency: { conversationWorkP50: 0, askWithContextP50: 0, askAloneP50: 0 },
      misses: [],
    };
    const work_ms: number[] = [];
    const withContext_ms: number[] = [];
    const alone_ms: number[] = [];
    try {
      for (const d of dialogues) {
        const id = articleIdOf(d);
        const articleId = newsdesk.articles().find((a) => a.id === id)?.title;
        if (articleId === undefined) throw new KnowledgeError(`Dialogue ${d.id}: no article ${id}`, { id });
        const key = `eval:${d.id}`;
        // A copy of the conversation, to time the conversation's own work apart from answering.
        const store = createMemoryStore(CONVERSATION_DEFAULTS);
        for (const [i, turn] of d.turns.entries()) {
          let t0 = performance.now();
          const inConversation = await newsdesk.ask(turn.q, { conversation: key });
          const withContext = performance.now() - t0;
          t0 = performance.now();
          const alone = await newsdesk.ask(turn.q);
          const aloneMs = performance.now() - t0;
          const right = isRight(inConversation, turn.a, articleId);
          if (i === 0) {
            result.firstTurns.questions++;
            if (right) result.firstTurns.right++;
            if (isRight(alone, turn.a, articleId)) result.firstTurns.rightAlone++;
            if (JSON.stringify({ ...inConversation, conversation: undefined }) === JSON.stringify(alone)) result.firstTurns.unchanged++;
          } else {
            result.followUps.questions++;
            if (right) result.followUps.rightWithContext++;
            if (isRight(alone, turn.a, articleId)) result.followUps.rightAlone++;
            if (inConversation.conversation?.followUp) result.followUps.detected++;
            withContext_ms.push(withContext);
            alone_ms.push(aloneMs);
            // The conversation's own work, apart from answering: resolving, and noting the turn in a store.
            t0 = performance.now();
            const resolution = resolveFollowUp(inConversation.question, await store.turns(key, Date.now()));
            await store.record(key, turnOf(inConversation.question, resolution, inConversation, Date.now()));
            work_ms.push(performance.now() - t0);
          }
          if (!right) {
            result.misses.push({
              id: d.id,
              turn: i + 1,
              question: turn.q,
              resolved: inConversation.conversation?.resolvedQuestion ?? turn.q,
              answer:
                inConversation.kind === "not-found"
                  ? null
                  : `${inConversation.kind === "passage" ? "(passage) " : ""}${inConversation.answer}`,
              expected: turn.a,
            });
          }
          if (i === 0)
            await store.record(
              key,
              turnOf(inConversation.question, resolveFollowUp(inConversation.question, []), inConversation, Date.now()),
            );
        }
      }
    } finally {
      await newsdesk.close();
    }
    const f = result.followUps;
    f.ratio = f.rightAlone ? Math.round((f.rightWithContext / f.rightAlone) * 100) / 100 : Infinity;
    result.latency = { conversationWorkP50: median(work_ms), askWithContextP50: median(withContext_ms), askAloneP50: median(alone_ms) };
    return result;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export function formatConversations(r: ConversationsResult): string {
  const pct = (n: number, d: number) => `${n}/${d} (${d ? Math.round((100 * n) / d) : 0}%)`;
  const lines = [
    `dialogues                              ${r.dialogues}`,
    `first turns right (in a conversation)  ${pct(r.firstTurns.right, r.firstTurns.questions)}`,
    `first turns right (asked alone)        ${pct(r.firstTurns.rightAlone, r.firstTurns.questions)}`,
    `first turns with identical replies     ${pct(r.firstTurns.unchanged, r.firstTurns.questions)}`,
    `follow-ups right with context          ${pct(r.followUps.rightWithContext, r.followUps.questions)}`,
    `follow-ups right asked alone (baseline) ${pct(r.followUps.rightAlone, r.followUps.questions)}`,
    `with context / baseline                ${r.followUps.ratio}×`,
    `follow-ups recognised as such          ${pct(r.followUps.detected, r.followUps.questions)}`,
    `conversation work p50 (resolve+store)  ${r.latency.conversationWorkP50} ms`,
    `ask p50, follow-up with context        ${r.latency.askWithContextP50} ms`,
    `ask p50, same question alone           ${r.latency.askAloneP50} ms`,
    "",
    "Missed (with context):",
    ...r.misses.map((m) => `  ${m.id} #${m.turn}: ${m.resolved} → ${m.answer ?? "(not found)"}   [expected ${m.expected.join(" | ")}]`),
  ];
  return lines.join("\n");
}
