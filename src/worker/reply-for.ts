// The reply to one queued piece of work, made by a worker from its own index: the same formatting
// the one-process bot uses, so a reply reads the same whichever process made it.
import { WENT_WRONG, askOptions } from "../discord/answer-flow.js";
import { articleLookup } from "../discord/context.js";
import { formatAnswer } from "../discord/format/answer-reply.js";
import { fitText } from "../discord/format/limits.js";
import { formatPassage, formatSummary } from "../discord/format/other-replies.js";
import { textReply, type ReplyBody } from "../discord/format/reply-body.js";
import { stripDiscordMarkup } from "../discord/question.js";
import { QuestionError } from "../errors.js";
import type { WorkSpec } from "../scale/work.js";
import type { Newsdesk } from "../types.js";

export { WENT_WRONG };

export async function replyFor(newsdesk: Newsdesk, work: WorkSpec): Promise<ReplyBody> {
  const lookup = articleLookup(newsdesk);
  switch (work.kind) {
    case "ask": {
      try {
        const answer = await newsdesk.ask(stripDiscordMarkup(work.question), askOptions(work.conversation));
        return formatAnswer(answer, (id) => lookup(id)?.title, { followUpId: work.conversation?.followUpId });
      } catch (error) {
        // An empty or over-long question is an answer in words, not a failure to retry.
        if (error instanceof QuestionError) return textReply(error.message);
        throw error;
      }
    }
    case "summary": {
      const result = work.articleId
        ? await newsdesk.summarize(work.articleId, { length: work.length })
        : await newsdesk.summarizeTopic(work.topic ?? "", { length: work.length });
      if ("kind" in result && result.kind === "unknown-article")
        return textReply(`No article \`${result.articleId}\`. Closest: ${result.closest.join(", ") || "none"}.`);
      return formatSummary(result, (id) => lookup(id)?.title);
    }
    case "passage": {
      const passage = newsdesk.passage(work.passageId.trim());
      if (!passage) {
        return textReply(`No passage \`${fitText(work.passageId, 200)}\`. The index may have changed since that answer; ask again.`);
      }
      return formatPassage(passage, lookup(passage.articleId)?.source);
    }
  }
}
