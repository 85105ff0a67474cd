import type { Answer } from "../types.js";

/** The JSON line of `ask --json` (the shape scripts and checks rely on). */
export function answerJson(answer: Answer): Record<string, unknown> {
  const found = answer.kind === "found";
  return {
    question: answer.question,
    found,
    answer: found ? answer.answer : null,
    score: found ? answer.score : 0,
    mode: answer.mode,
    citation: found
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
  };
}

const MODE_NOTE = {
  model: "model mode (embeddings + extractive QA model)",
  lexical: "lexical mode (BM25 + word matching; the models are not loaded)",
};

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + "…";
}

/** What a person reads: the answer, the citation, the quote with the answer marked, the mode. */
export function answerText(answer: Answer): string {
  if (answer.kind === "not-found") {
    const lines = ["Not found in the articles.", ""];
    if (answer.nearest.length) {
      lines.push("Nearest passages:");
      for (const n of answer.nearest) lines.push(`  - ${n.articleId}, paragraph ${n.paragraph}: ${clip(n.text, 160)}`);
      lines.push("");
    }
    lines.push(`(${MODE_NOTE[answer.mode]})`);
    return lines.join("\n");
  }
  const c = answer.citation;
  const quote = `${c.quote.slice(0, c.answerStart)}[${c.quote.slice(c.answerStart, c.answerEnd)}]${c.quote.slice(c.answerEnd)}`;
  return [
    answer.answer,
    "",
    `From: ${c.title} (${c.articleId}), paragraph ${c.paragraph}${c.source ? ` — ${c.source}` : ""}`,
    `  “${quote}”`,
    "",
    `(${MODE_NOTE[answer.mode]}, confidence ${answer.score.toFixed(2)})`,
  ].join("\n");
}
