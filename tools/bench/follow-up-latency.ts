// What a follow-up adds to an answer's time, through the front door (newsdesk.ask, lexical mode) over
// the conversations eval's folder (the shipped article and the BBC articles): each follow-up of the
// dialogue set asked within its conversation, the same words asked alone, and the wording it was
// resolved to asked alone, in turns, over several rounds; medians printed.
//   npx tsx tools/bench/follow-up-latency.ts --data ../shared/data [--rounds 5]
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createNewsdesk } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { CONVERSATION_DEFAULTS, createMemoryStore, resolveFollowUp, turnOf } from "../../src/conversation/index.js";
import { silentLogger } from "../../src/log.js";
import { loadDialogues } from "../eval/conversations.js";
import { percentile } from "./percentiles.js";

const { values } = parseArgs({
  options: { data: { type: "string", default: "../shared/data" }, rounds: { type: "string", default: "5" } },
});
const rounds = Number(values.rounds);
const repo = path.resolve(import.meta.dirname, "../..");
const dialogues = await loadDialogues(path.join(repo, "tools/eval/conversations/dialogues.jsonl"));
const work = await mkdtemp(path.join(tmpdir(), "newsdesk-follow-up-bench-"));
const median = (xs: number[]) => Math.round(percentile(xs, 0.5) * 100) / 100;
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
};

try {
  await cp(path.join(repo, "knowledge"), path.join(work, "knowledge"), { recursive: true });
  await cp(path.join(values.data!, "bbc", "articles"), path.join(work, "knowledge", "bbc"), { recursive: true });
  const config = loadConfig(
    { KNOWLEDGE_DIR: path.join(work, "knowledge"), CACHE_DIR: path.join(work, "cache"), ANSWER_MODE: "lexical" },
    {},
  );
  const newsdesk = await createNewsdesk(config, silentLogger);
  const withContext: number[] = [];
  const alone: number[] = [];
  const resolvedAlone: number[] = [];
  const addedToSameWords: number[] = [];
  const addedToResolved: number[] = [];
  const ownWork: number[] = [];
  try {
    for (let round = 0; round <= rounds; round++) {
      for (const d of dialogues) {
        const key = `bench:${round}:${d.id}`;
        const store = createMemoryStore(CONVERSATION_DEFAULTS);
        for (const [i, turn] of d.turns.entries()) {
          const [answer, inConversation] = await time(() => newsdesk.ask(turn.q, { conversation: key }));
          const resolved = answer.conversation?.resolvedQuestion ?? turn.q;
          // The conversation's own work on a copy: reading its turns, resolving, recording the reply.
          const [, own] = await time(async () => {
            const resolution = resolveFollowUp(answer.question, await store.turns(key, Date.now()));
            await store.record(key, turnOf(answer.question, resolution, answer, Date.now()));
          });
          if (i === 0 || !answer.conversation?.followUp) continue;
          const [, same] = await time(() => newsdesk.ask(turn.q));
          const [, asResolved] = await time(() => newsdesk.ask(resolved));
          // Round 0 warms the index and the tagger up; it is not counted.
          if (round === 0) continue;
          withContext.push(inConversation);
          alone.push(same);
          resolvedAlone.push(asResolved);
          addedToSameWords.push(inConversation - same);
          addedToResolved.push(inConversation - asResolved);
          ownWork.push(own);
        }
      }
    }
  } finally {
    await newsdesk.close();
  }
  console.log(`follow-ups timed: ${withContext.length} (${rounds} rounds of the dialogue set's recognised follow-ups)`);
  console.log(`ask p50, follow-up within its conversation   ${median(withContext)} ms`);
  console.log(`ask p50, the same words alone                 ${median(alone)} ms`);
  console.log(`ask p50, the resolved wording alone           ${median(resolvedAlone)} ms`);
  console.log(`added p50 (paired), vs the same words alone   ${median(addedToSameWords)} ms`);
  console.log(`added p50 (paired), vs the resolved wording   ${median(addedToResolved)} ms`);
  console.log(`conversation's own work p50 (turns, resolve, record)  ${median(ownWork)} ms`);
} finally {
  await rm(work, { recursive: true, force: true });
}
