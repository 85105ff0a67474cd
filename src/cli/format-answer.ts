import type { ConversationAnswer, Nearest } from "../types.js";

/** The JSON line of `ask --json` (the shape scripts and checks rely on). `found` is kept for older
 *  scripts: true for an answer and for a passage (the articles hold it). */
export function answerJson(answer: ConversationAnswer): Record<string, unknown> {
  const replied = answer.kind !== "not-found";
  return {
    question: answer.question,
    kind: answer.kind,
    found: replied,
    answer: replied ? answer.answer : null,
    score: replied ? answer.score : 0,
    mode: answer.mode,
    citation: replied
      ? {
          articleId: answer.citation.articleId,
          title: answer.citation.title,
          paragraph: answer.citation.paragraph,
          passageId: answer.citation.passageId,
          quote: answer.citation.quote,
          source: answer.citation.source,
        }
      : null,
    nearest: answer.nearest,
    // Asked within a conversation (--conversation): whether it built on the turns before.
    ...(answer.conversation ? { followUp: answer.conversation.followUp, resolvedQuestion: answer.conversation.resolvedQuestion } : {}),
  };
}

const MODE_NOTE = {
  model: "model mode (embeddings + extractive QA model)",
  lexical: "lexical mode (BM25 + word matching; the models are not loaded)",
};

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + "…";
}

function nearestLines(nearest: readonly Nearest[]): string[] {
  if (!nearest.length) return [];
  return ["Nearest passages:", ...nearest.map((n) => `  - ${n.articleId}, paragraph ${n.paragraph}: ${clip(n.text, 160)}`), ""];
}

/** What a person reads: the answer (marked in its quote), the sentence that holds it, or "not found". */
export function answerText(answer: ConversationAnswer): string {
  const note = answer.conversation;
  const following = note?.followUp ? [`(following up on: ${note.previousQuestion}; understood as: ${note.resolvedQuestion})`] : [];
  if (answer.kind === "not-found") {
    return ["Not found in the articles.", "", ...nearestLines(answer.nearest), `(${MODE_NOTE[answer.mode]})`, ...following].join("\n");
  }
  const c = answer.citation;
  const from = `From: ${c.title} (${c.articleId}), paragraph ${c.paragraph}${c.source ? ` — ${c.source}` : ""}`;
  if (answer.kind === "passage") {
    return [
      `The article says: “${c.quote}”`,
      "",
      from,
      "",
      `(${MODE_NOTE[answer.mode]}; no single phrase stood out as the answer, so this is the sentence that holds it — match ${answer.score.toFixed(2)})`,
      ...following,
    ].join("\n");
  }
  const { quote: q, answerStart, answerEnd } = answer.citation;
  const quote = `${q.slice(0, answerStart)}[${q.slice(answerStart, answerEnd)}]${q.slice(answerEnd)}`;
  return [
    answer.answer,
    "",
    from,
    `  “${quote}”`,
    "",
    `(${MODE_NOTE[answer.mode]}, confidence ${answer.score.toFixed(2)})`,
    ...following,
  ].join("\n");
}
