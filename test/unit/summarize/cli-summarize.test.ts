import { describe, expect, it } from "vitest";
import { parseSummarizeArgs, runSummarize, USAGE } from "../../../src/cli/summarize.js";
import { UsageError } from "../../../src/errors.js";
import { summarizeArticle } from "../../../src/summarize/index.js";
import type { Newsdesk, Summary, SummaryOptions } from "../../../src/types.js";
import { makeArticle } from "./make-article.js";

const ARTICLE = makeArticle("world/port-strike", "Dock workers strike", [
  "Dock workers at the city port began a strike over pay on Monday.",
  "The union said the strike would go on until pay was raised. Talks broke down last week.",
]);

// A test double of the core: summarises ARTICLE, knows no other id.
function fakeDesk(calls: string[]): Newsdesk {
  const unused = () => {
    throw new Error("not used by the summarize command");
  };
  return {
    async summarize(id: string, options?: SummaryOptions) {
      calls.push(`summarize ${id} ${JSON.stringify(options)}`);
      if (id !== ARTICLE.id) return { kind: "unknown-article", articleId: id, closest: [ARTICLE.id] };
      return summarizeArticle(ARTICLE, options);
    },
    async summarizeTopic(topic: string, options?: SummaryOptions): Promise<Summary> {
      calls.push(`topic ${topic} ${JSON.stringify(options)}`);
      const s = await summarizeArticle(ARTICLE, options);
      return { ...s, articleId: null, title: `Digest: ${topic}` };
    },
    async close() {
      calls.push("close");
    },
    ask: unused,
    articles: unused,
    findArticles: unused,
    articleInfo: unused,
    passage: unused,
    status: unused,
    reindex: unused,
  };
}

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const calls: string[] = [];
  const opened: Record<string, string>[] = [];
  const code = await runSummarize(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, async (overrides) => {
    opened.push(overrides);
    return fakeDesk(calls);
  });
  return { code, stdout: out.join(""), stderr: err.join(""), calls, opened };
}

describe("parseSummarizeArgs", () => {
  it.each([
    [["a/1"], { kind: "article", articleId: "a/1", options: {}, json: false }],
    [["--json", "--sentences", "4", "a/1"], { kind: "article", articleId: "a/1", options: { sentences: 4 }, json: true }],
    [
      ["--length", "long", "--knowledge", "k", "--lexical", "a/1"],
      { kind: "article", options: { length: "long" }, config: { KNOWLEDGE_DIR: "k", ANSWER_MODE: "lexical" } },
    ],
    [["--topic", " oil prices "], { kind: "topic", topic: "oil prices", options: {} }],
  ])("%j", (argv, expected) => {
    expect(parseSummarizeArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [[]],
    [["a/1", "b/2"]],
    [["--topic", "x", "a/1"]],
    [["--topic", "  "]],
    [["--sentences", "3", "--length", "short", "a/1"]],
    [["--sentences", "two", "a/1"]],
    [["--sentences", "0", "a/1"]],
    [["--length", "huge", "a/1"]],
    [["--colour", "a/1"]],
  ])("rejects %j", (argv) => {
    expect(() => parseSummarizeArgs(argv)).toThrow(UsageError);
  });
});

describe("runSummarize", () => {
  it("prints the title, numbered sentences cited by paragraph, and the mode", async () => {
    const r = await run(["--sentences", "2", "world/port-strike"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Dock workers strike\n\n1\. Dock workers .* \(¶1\)\n2\. .* \(¶2\)\n\nmode: lexical\n$/);
    expect(r.stderr).toBe("");
    expect(r.calls).toEqual(['summarize world/port-strike {"sentences":2}', "close"]);
  });

  it("prints the summary as JSON with --json", async () => {
    const r = await run(["--json", "--knowledge", "/data/news", "world/port-strike"]);
    expect(r.code).toBe(0);
    expect(r.opened).toEqual([{ KNOWLEDGE_DIR: "/data/news" }]);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["articleId", "title", "mode", "sentences"]);
    expect(json.sentences[0]).toEqual({ text: expect.any(String), articleId: "world/port-strike", paragraph: 1 });
  });

  it("cites the article of each sentence in a topic digest", async () => {
    const r = await run(["--topic", "strike"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Digest: strike\n/);
    expect(r.stdout).toMatch(/\(world\/port-strike ¶1\)/);
  });

  it("names the closest ids for an unknown article and exits 1", async () => {
    const r = await run(["world/port-strik"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/no article "world\/port-strik".*Closest: world\/port-strike/);
    expect(r.calls.at(-1)).toBe("close");
  });

  it("throws a UsageError on bad usage, before opening the core", async () => {
    await expect(run(["--length", "tiny", "a/1"])).rejects.toThrow(UsageError);
  });

  it("prints the usage with --help", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${USAGE}\n`);
    expect(r.opened).toEqual([]);
  });
});

describe("formatting a generated summary", () => {
  const summary: Summary = {
    kind: "summary",
    articleId: "a/1",
    title: "Strike",
    mode: "generated",
    generated: "Dock workers struck over pay.",
    sentences: [{ text: "Dock workers began a strike over pay.", articleId: "a/1", paragraph: 1 }],
  };
  it("shows the model's text, then the sentences it drew on, then the mode", async () => {
    const { formatSummaryText } = await import("../../../src/cli/summarize.js");
    expect(formatSummaryText(summary)).toBe(
      "Strike\n\nDock workers struck over pay.\n\nDrawn from:\n1. Dock workers began a strike over pay. (¶1)\n\nmode: generated\n",
    );
  });
  it("adds the generated text to the JSON", async () => {
    const { formatSummaryJson } = await import("../../../src/cli/summarize.js");
    expect(Object.keys(JSON.parse(formatSummaryJson(summary)))).toEqual(["articleId", "title", "mode", "generated", "sentences"]);
  });
});
