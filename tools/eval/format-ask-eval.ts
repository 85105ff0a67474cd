// The SQuAD-through-ask report as a table people read. Pure.
import type { AskEvalReport, AskFigures, OffCorpusFigures } from "./ask-squad.js";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number) => x.toFixed(1);

function column(f: AskFigures): string[] {
  return [
    String(f.questions),
    `${f.retrievalAt1.toFixed(3)} / ${f.retrievalAt5.toFixed(3)}`,
    `${pct(f.replies.answer)} / ${pct(f.replies.passage)} / ${pct(f.replies["not-found"])}`,
    `${num(f.answerExactMatch)} / ${num(f.answerF1)}`,
    `${num(f.userExactMatch)} / ${num(f.userF1)}`,
    pct(f.rightReplies),
    pct(f.quotedGold),
    `${pct(f.sentence.accuracy)} / ${pct(f.sentence.ofReplied)}`,
  ];
}

const LABELS = [
  "questions",
  "retrieval@1 / @5 (first passage shown)",
  "replies: answer / passage / not found",
  "EM / F1 on answer replies",
  "user-facing EM / F1 (not found = 0)",
  "right replies (gold in span or sentence)",
  "quoted sentence holds gold (any reply)",
  "first passage right: sentence right / of replies",
];

const off = (f: OffCorpusFigures) => `${pct(f.falseAnswers)} answers, ${pct(f.passages)} passages (${f.questions} q)`;

export function formatAskEval(r: AskEvalReport): string {
  const all = column(r.all);
  const held = column(r.heldOut);
  const width = Math.max(...LABELS.map((l) => l.length));
  const colWidth = Math.max(...all.map((c) => c.length), "all".length);
  const lines = [
    `SQuAD v1.1 dev through newsdesk.ask, ${r.mode} mode, ${r.paragraphs} paragraphs as the knowledge`,
    `${"".padEnd(width)}  ${"all".padEnd(colWidth)}  held-out (not trained on)`,
    ...LABELS.map((l, i) => `${l.padEnd(width)}  ${all[i]!.padEnd(colWidth)}  ${held[i]}`),
    "",
    "Questions whose answer is in no article:",
    `  SQuAD (held-out) questions on the BBC folder   ${off(r.offCorpus.squadOnBbc)}`,
    `  BBC-title questions on the SQuAD folder        ${off(r.offCorpus.bbcTitlesOnSquad)}`,
    `  SQuAD 2.0 unanswerable on the SQuAD folder     ${off(r.offCorpus.squad2Unanswerable)}`,
    "",
    `ms per question (SQuAD, mean)  ${r.msPerQuestion.toFixed(1)}`,
  ];
  return lines.join("\n");
}
