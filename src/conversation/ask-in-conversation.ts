import { normaliseQuestion } from "../answer/question.js";
import type { Answer, ConversationAnswer } from "../types.js";
import type { PassageBoost } from "../retrieval/retrieve.js";
import type { ConversationStore } from "./conversation-store.js";
import { leanTowards, type LeanFactors } from "./lean.js";
import { turnOf } from "./record-turn.js";
import { resolveFollowUp } from "./resolve-follow-up.js";

export interface ConversationDependencies {
  store: ConversationStore;
  /** The core's ask, with an optional lean towards some passages. */
  ask(question: string, context?: { boost?: PassageBoost; readAs?: string }): Promise<Answer>;
  lean: LeanFactors;
  now?: () => number;
}

/** Asks within a conversation: resolves the question against its turns, prefers its articles,
 *  and records the reply as its newest turn. */
export async function askInConversation(deps: ConversationDependencies, key: string, raw: string): Promise<ConversationAnswer> {
  const question = normaliseQuestion(raw);
  const now = deps.now?.() ?? Date.now();
  const turns = await deps.store.turns(key, now);
  const resolution = resolveFollowUp(question, turns);
  const boost = resolution.followUp ? leanTowards(turns, deps.lean) : undefined;
  const answer = resolution.followUp
    ? await deps.ask(resolution.resolvedQuestion, { boost, readAs: resolution.readAs })
    : await deps.ask(question);
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
