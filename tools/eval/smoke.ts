// The smoke set that ships (smoke/questions.json): questions about the shipped article(s), asked
// through `newsdesk.ask` in whatever mode the settings give, so a host that has the models checks
// model mode with one command.
import { readFile } from "node:fs/promises";
import { createNewsdesk } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { UsageError } from "../../src/errors.js";
import { silentLogger } from "../../src/log.js";
import type { Answer, Mode } from "../../src/types.js";
import { scoreReply } from "./reply-metrics.js";

export interface SmokeCase {
  question: string;
  answers: string[];
}

export interface SmokeReport {
  mode: Mode;
  right: number;
  total: number;
  cases: Array<SmokeCase & { kind: Answer["kind"]; reply: string; right: boolean }>;
}

export async function loadSmokeSet(file: string): Promise<SmokeCase[]> {
  const raw = JSON.parse(await readFile(file, "utf8")) as { questions?: unknown };
  const cases = raw.questions;
  const valid = (c: unknown): c is SmokeCase =>
    typeof c === "object" &&
    c !== null &&
    typeof (c as SmokeCase).question === "string" &&
    Array.isArray((c as SmokeCase).answers) &&
    (c as SmokeCase).answers.length > 0 &&
    (c as SmokeCase).answers.every((a) => typeof a === "string" && a.trim() !== "");
  if (!Array.isArray(cases) || cases.length === 0 || !cases.every(valid))
    throw new UsageError(`${file} must hold { "questions": [{ "question": "…", "answers": ["…"] }, …] }`);
  return cases;
}

export async function evalSmoke(file: string, overrides: { KNOWLEDGE_DIR?: string } = {}): Promise<SmokeReport> {
  const cases = await loadSmokeSet(file);
  const newsdesk = await createNewsdesk(loadConfig(overrides), silentLogger);
  try {
    const out: SmokeReport["cases"] = [];
    for (const c of cases) {
      const answer = await newsdesk.ask(c.question);
      const reply = answer.kind === "not-found" ? "" : answer.answer;
      out.push({ ...c, kind: answer.kind, reply, right: scoreReply(answer, c.answers).right });
    }
    return { mode: newsdesk.status().mode, right: out.filter((c) => c.right).length, total: out.length, cases: out };
  } finally {
    await newsdesk.close();
  }
}

export function formatSmoke(r: SmokeReport): string {
  const lines = r.cases.map((c) => {
    const reply = c.kind === "not-found" ? "not found" : `${c.kind}: ${c.reply.length > 90 ? c.reply.slice(0, 89) + "…" : c.reply}`;
    return `${c.right ? "right" : "WRONG"}  ${c.question}\n       → ${reply}${c.right ? "" : `   (expected: ${c.answers.join(" | ")})`}`;
  });
  return [...lines, "", `${r.right}/${r.total} right (${r.mode} mode)`].join("\n");
}
