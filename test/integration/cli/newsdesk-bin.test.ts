// The package's `newsdesk` command (bin/newsdesk.js), as `npx newsdesk …` runs it: standard output
// carries only the result, exit codes are the command's own.
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const exec = promisify(execFile);
let cacheDir: string;

beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), "newsdesk-bin-"));
});

async function newsdesk(args: string[]) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [path.join(ROOT, "bin/newsdesk.js"), ...args], {
      cwd: ROOT,
      env: { ...process.env, ANSWER_MODE: "lexical", CACHE_DIR: cacheDir, KNOWLEDGE_DIR: path.join(ROOT, "knowledge") },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("bin/newsdesk.js", () => {
  it("is the package's bin", async () => {
    const { default: pkg } = await import("../../../package.json", { with: { type: "json" } });
    expect(pkg.bin).toEqual({ newsdesk: "bin/newsdesk.js" });
  });

  it("ask --json prints nothing but the answer object on standard output", async () => {
    const r = await newsdesk(["ask", "--json", "who accompanied Haftar?"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ found: true, answer: expect.stringContaining("Saddam Khalifa Haftar") });
  }, 60_000);

  it("passes the command's exit code and messages through", async () => {
    const r = await newsdesk(["summarize", "--sentences", "-1", "haftar-visits-ghq"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/--sentences must be a whole number, got "-1"/);
  }, 60_000);

  it("lists its commands, and refuses an unknown one with exit 2", async () => {
    const help = await newsdesk(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["ask", "summarize", "index", "ingest", "models", "bot"]) expect(help.stdout).toContain(`  ${command} `);
    const unknown = await newsdesk(["asks", "x"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "asks"/);
  });
});
