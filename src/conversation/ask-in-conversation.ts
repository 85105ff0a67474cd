import { normaliseQuestion } from "../answer/question.js";
import type { Answer, AskOptions, ConversationAnswer } from "../types.js";
import type { PassageBoost } from "../retrieval/retrieve.js";
import type { ConversationStore } from "./conversation-store.js";
import { leanTowards, type LeanFactors } from "./lean.js";
import { properNames } from "./names.js";
import { turnOf } from "./record-turn.js";
import { resolveFollowUp } from "./resolve-follow-up.js";
import type { ConversationTurn } from "./turn.js";

export interface ConversationDependencies {
  store: ConversationStore;
  /** The core's ask, with an optional lean towards some passages. */
  ask(question: string, context?: { boost?: PassageBoost; readAs?: string; avoid?: string[] }): Promise<Answer>;
  lean: LeanFactors;
  now?: () => number;
}

/** Where a question continues: its conversation's own turns, or (when it has none yet) those of
 *  the conversation it was opened from; `fresh` when stale turns must be dropped first. */
async function contextOf(store: ConversationStore, key: string, now: number, options: Omit<AskOptions, "conversation">) {
  let turns = await store.turns(key, now);
  let fresh = false;
  if (turns.length && options.withinMs !== undefined && now - turns[turns.length - 1]!.at > options.withinMs) {
    turns = [];
    fresh = true;
  }
  let seeded: ConversationTurn[] = [];
  if (!turns.length && options.continueFrom !== undefined && options.continueFrom !== key) {
    seeded = await store.turns(options.continueFrom, now);
    turns = seeded;
  }
  return { turns, fresh, seeded };
}

/** The names the conversation filled into the question: its answer is not one of them. */
function filledIn(question: string, resolved: string): string[] {
  const typed = new Set(properNames(question));
  return properNames(resolved).filter((name) => !typed.has(name));
}

/** Asks within a conversation: resolves the question against its turns, prefers its articles,
 *  and records the reply as its newest turn. */
export async function askInConversation(
  deps: ConversationDependencies,
  key: string,
  raw: string,
  options: Omit<AskOptions, "conversation"> = {},
): Promise<ConversationAnswer> {
  const question = normaliseQuestion(raw);
  const now = deps.now?.() ?? Date.now();
  const { turns, fresh, seeded } = await contextOf(deps.store, key, now, options);
  const resolution = resolveFollowUp(question, turns);
  const boost = resolution.followUp ? leanTowards(turns, deps.lean) : undefined;
  const answer = resolution.followUp
    ? await deps.ask(resolution.resolvedQuestion, {
        boost,
        readAs: resolution.readAs,
        avoid: filledIn(question, resolution.resolvedQuestion),
      })
    : await deps.ask(question);
  if (fresh) await deps.store.forget(key);
  // The conversation it was opened from becomes this one's past, so its next turn still has it.
  for (const turn of seeded) await deps.store.record(key, { ...turn, at: now });
  await deps.store.record(key, turnOf(question, resolution, answer, now));
  return {
    ...answer,
    question,
    conversation: {
      followUp: resolution.followUp,
      resolvedQuestion: resolution.resolvedQuestion,
      ...(resolution.previousQuestion !== undefined ? { previousQuestion: resolution.previousQuestion } : {}),
    },
  };
}
