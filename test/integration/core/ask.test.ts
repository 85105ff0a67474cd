import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNewsdesk } from "../../../src/app.js";
import { loadConfig } from "../../../src/config/index.js";
import { QuestionError } from "../../../src/errors.js";
import { silentLogger } from "../../../src/log.js";
import type { Newsdesk } from "../../../src/types.js";

let cacheDir: string;
let newsdesk: Newsdesk;

beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), "newsdesk-ask-"));
  newsdesk = await createNewsdesk(
    loadConfig({ ANSWER_MODE: "lexical", CACHE_DIR: cacheDir, KNOWLEDGE_DIR: "knowledge" }, {}),
    silentLogger,
  );
});

afterAll(async () => {
  await newsdesk.close();
  await rm(cacheDir, { recursive: true, force: true });
});

describe("ask in lexical mode", () => {
  it("answers who accompanied Haftar with the span, cited to the first paragraph", async () => {
    const answer = await newsdesk.ask("who accompanied Haftar?");
    expect(answer.kind).toBe("answer");
    if (answer.kind !== "answer") return;
    expect(answer.answer).toBe("Deputy Commander-in-Chief Lieutenant General Saddam Khalifa Haftar");
    expect(answer.mode).toBe("lexical");
    expect(answer.citation).toMatchObject({ articleId: "haftar-visits-ghq", paragraph: 1, passageId: "haftar-visits-ghq#p1" });
    const { quote, answerStart, answerEnd } = answer.citation;
    expect(quote.slice(answerStart, answerEnd)).toBe(answer.answer);
    expect(newsdesk.passage(answer.citation.passageId)!.text).toContain(quote);
  });

  it.each([["What is the boiling point of mercury?"], ["¿Quién acompañó a la delegación?"], ["Кто сопровождал делегацию?"]])(
    "says not found for %s, with the nearest passages",
    async (question) => {
      const answer = await newsdesk.ask(question);
      expect(answer.kind).toBe("not-found");
    },
  );

  it("refuses an empty or 5,000-character question with a clear error", async () => {
    await expect(newsdesk.ask("   ")).rejects.toThrow(QuestionError);
    await expect(newsdesk.ask("why ".repeat(1250))).rejects.toThrow(/too long/);
  });

  it("keeps links and formatting out of what is searched", async () => {
    const answer = await newsdesk.ask("**who** accompanied Haftar? https://example.com/x");
    expect(answer.question).toBe("who accompanied Haftar?");
  });
});

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(tsx, ["src/cli/ask.ts", ...args], {
      env: { ...process.env, ANSWER_MODE: "lexical", CACHE_DIR: cacheDir, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run ask (the command line)", () => {
  it("prints one JSON object with the documented shape", async () => {
    const { code, stdout } = await cli(["--json", "who accompanied Haftar?"]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(["question", "kind", "found", "answer", "score", "mode", "citation", "nearest"]);
    expect(answer.answer).toContain("Saddam Khalifa Haftar");
    expect(Object.keys(answer.citation)).toEqual(["articleId", "title", "paragraph", "passageId", "quote", "source"]);
    expect(answer.citation.quote).toContain(answer.answer);
  });

  it("answers many questions in order from standard input, one JSON line each", async () => {
    const child = execFile(tsx, ["src/cli/ask.ts", "--json", "--questions", "-"], {
      env: { ...process.env, ANSWER_MODE: "lexical", CACHE_DIR: cacheDir },
    });
    child.stdin!.end("who accompanied Haftar?\n\nWhat is the boiling point of mercury?\n");
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.question, l.found])).toEqual([
      ["who accompanied Haftar?", true],
      ["What is the boiling point of mercury?", false],
    ]);
  });

  it("prints the answer, citation, marked quote and mode for people", async () => {
    const { stdout } = await cli(["who accompanied Haftar?"]);
    expect(stdout).toMatch(/^Deputy Commander-in-Chief Lieutenant General Saddam Khalifa Haftar\n/);
    expect(stdout).toContain("paragraph 1");
    expect(stdout).toContain("[Deputy Commander-in-Chief Lieutenant General Saddam Khalifa Haftar]");
    expect(stdout).toContain("lexical mode");
  });

  it.each([
    [[], 2, /one question/],
    [["--bogus", "q"], 2, /Unknown option/],
    [["--knowledge", "/nonexistent/folder", "q"], 1, /cannot be read/],
    [["   "], 2, /empty/],
    [["x".repeat(600)], 2, /too long \(600 characters; the limit is 500\)/],
    [["--questions", "/missing/questions.txt"], 2, /cannot read the questions file \/missing\/questions.txt: no such file/],
  ])("exits %# with a clear message", async (args, code, message) => {
    const result = await cli(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a CACHE_DIR inside the knowledge folder, and one it cannot write, before writing anything", async () => {
    const inside = await cli(["who accompanied Haftar?"], { CACHE_DIR: "knowledge/.newsdesk" });
    expect(inside.code).toBe(1);
    expect(inside.stderr).toMatch(/CACHE_DIR \(knowledge\/.newsdesk\) is inside the knowledge folder/);
    expect(existsSync("knowledge/.newsdesk")).toBe(false);
    const readOnly = await cli(["who accompanied Haftar?"], { CACHE_DIR: "/proc/newsdesk-cache" });
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toMatch(/CACHE_DIR \(\/proc\/newsdesk-cache\) is not writable/);
  });

  it.each([
    [["--json", "   "], /empty/],
    [["--json", "x".repeat(600)], /too long/],
    [["--json", "--questions", "/missing/questions.txt"], /no such file/],
    [["--json"], /one question/],
  ])("with --json, bad usage %# exits 2 and prints the documented error object", async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    const out = JSON.parse(result.stdout);
    expect(out).toEqual({ error: { code: "USAGE", message: expect.stringMatching(message) } });
  });

  it("prints each question before its answer for --questions in text mode; a refused one exits 2 after the rest", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "newsdesk-questions-"));
    const file = path.join(dir, "q.txt");
    await writeFile(file, `who accompanied Haftar?\n${"y".repeat(600)}\nWhat is the boiling point of mercury?\n`);
    const result = await cli(["--questions", file]);
    expect(result.code).toBe(2);
    const blocks = result.stdout.trim().split(/\n\n(?=Q: )/);
    expect(blocks.map((b) => b.split("\n")[0])).toEqual([
      "Q: who accompanied Haftar?",
      `Q: ${"y".repeat(600)}`,
      "Q: What is the boiling point of mercury?",
    ]);
    expect(blocks[0]).toContain("Saddam Khalifa Haftar");
    expect(blocks[1]).toMatch(/not asked: The question is too long/);
    expect(blocks[2]).toContain("Not found");
    const json = await cli(["--json", "--questions", file]);
    expect(json.code).toBe(2);
    const lines = json.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.found)).toEqual([true, false, false]);
    expect(lines[1]).toMatchObject({ found: false, error: { code: "QUESTION", message: expect.stringMatching(/too long/) } });
  });
});
