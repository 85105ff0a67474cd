// The summarize command against the real core (lexical mode) over a small knowledge folder.
import { execFile } from "node:child_process";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { openApp, runSummarize } from "../../../src/cli/summarize.js";
import { isNearDuplicate } from "../../../src/summarize/index.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const WIRE = "The central bank raised interest rates by half a point to 4.5% on Thursday.";
const ARTICLES: Record<string, string> = {
  "business/rates-a.md": `---\ntitle: Bank raises interest rates\n---\n${WIRE} Borrowers face higher mortgage payments from next month.\n\nEconomists said the interest rate rise would slow inflation by the end of the year. The bank's governor said further rises were possible.\n`,
  "business/rates-b.md": `---\ntitle: Interest rates go up again\n---\nShares in house builders fell after the interest rate announcement.\n\n${WIRE.replace(" on Thursday.", " on Thursday, its third rise.")}\n\nSavers welcomed the higher interest rates on their deposit accounts.\n`,
  "sport/derby.md": `---\ntitle: Derby ends level\n---\nThe derby ended in a goalless draw before a full stadium crowd. Both managers said the result was fair.\n`,
};

let knowledge: string;
let cache: string;
beforeAll(async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "newsdesk-summarize-cli-"));
  knowledge = path.join(tmp, "knowledge");
  cache = path.join(tmp, "cache");
  for (const [file, text] of Object.entries(ARTICLES)) {
    await mkdir(path.dirname(path.join(knowledge, file)), { recursive: true });
    await writeFile(path.join(knowledge, file), text);
  }
});

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  const code = await runSummarize([...argv, "--knowledge", knowledge, "--lexical"], io, (o) =>
    openApp({ ...o, CACHE_DIR: cache, LOG_LEVEL: "error" }),
  );
  return { code, stdout, stderr };
}

describe("npm run summarize (real core, lexical)", () => {
  it("summarises an article as JSON with paragraph citations", async () => {
    const r = await run(["--json", "--sentences", "2", "business/rates-a"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ articleId: "business/rates-a", title: "Bank raises interest rates", mode: "lexical" });
    expect(json.sentences).toHaveLength(2);
    expect(json.sentences[0]).toEqual({ text: WIRE, articleId: "business/rates-a", paragraph: 1 });
  });

  it("digests a topic across articles without repeating the wire sentence", async () => {
    const r = await run(["--json", "--length", "medium", "--topic", "interest rates"]);
    expect(r.code).toBe(0);
    const { articleId, title, sentences } = JSON.parse(r.stdout) as {
      articleId: null;
      title: string;
      sentences: { text: string; articleId: string }[];
    };
    expect({ articleId, title }).toEqual({ articleId: null, title: "Digest: interest rates" });
    expect(new Set(sentences.map((s) => s.articleId))).toEqual(new Set(["business/rates-a", "business/rates-b"]));
    const texts = sentences.map((s) => s.text);
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) expect(isNearDuplicate(texts[i]!, texts[j]!)).toBe(false);
  });

  it("answers an unknown id with the closest ids and exit code 1", async () => {
    const r = await run(["business/rates"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/no article "business\/rates".*business\/rates-a/);
  });
});

describe("the summarize command's exit codes", () => {
  const exec = promisify(execFile);
  const cli = (args: string[]) =>
    exec(process.execPath, ["--import", "tsx", "src/cli/summarize.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, CACHE_DIR: cache, LOG_LEVEL: "error" },
    });

  it("exits 2 with the usage on bad usage, printing nothing on standard output", async () => {
    await expect(cli(["--sentences", "many", "x"])).rejects.toMatchObject({
      code: 2,
      stdout: "",
      stderr: expect.stringContaining("Usage:"),
    });
  }, 30_000);

  it.each([
    [["--sentences", "-1", "x"], /--sentences must be a whole number, got "-1"/],
    [["--sentences", "0", "x"], /sentences must be a whole number from 1 to 50, got 0/],
    [["--length", "huge", "x"], /length must be short, medium or long/],
  ])(
    "names the problem for bad usage %#, exit 2, in text and --json modes",
    async (args, message) => {
      await expect(cli(args)).rejects.toMatchObject({ code: 2, stdout: "", stderr: expect.stringMatching(message) });
      const json = await cli(["--json", ...args]).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => e,
      );
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout)).toEqual({ error: { code: "USAGE", message: expect.stringMatching(message) } });
    },
    30_000,
  );

  it("exits 1 for an unknown article", async () => {
    await expect(cli(["--knowledge", knowledge, "--lexical", "nope"])).rejects.toMatchObject({ code: 1, stdout: "" });
  }, 30_000);
});
