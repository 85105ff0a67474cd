import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IndexError, isSystemError, ModelError, NewsdeskError, UnreadableFile } from "../../../src/errors.js";
import { silentLogger } from "../../../src/log.js";
import { openMemoryDatabase } from "../../../src/search/open-database.js";
import { refreshIndex } from "../../../src/search/refresh.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-refresh-"));
  await writeFile(path.join(root, "storm.txt"), "Storm hits coast\n\nA storm hit the coast on Monday.\n");
});
afterEach(() => rm(root, { recursive: true, force: true }));

const refresh = async (repair: (body: string) => string) =>
  refreshIndex(await openMemoryDatabase(), { knowledgeDir: root, repair, logger: silentLogger });

describe("refreshIndex and errors", () => {
  it("does not swallow a NewsdeskError as a per-file problem, though it has a .code", async () => {
    const broken = () => {
      throw new ModelError("the repair model failed");
    };
    await expect(refresh(broken)).rejects.toThrow(ModelError);
  });

  it("reports a file listed but gone by its stat as that file's problem, past the first thousand files", async () => {
    for (let i = 0; i < 1200; i++) await writeFile(path.join(root, `n${i}.txt`), `Note ${i}\n\nA short note.\n`);
    // Listed, then deleted before the refresh looks at it: the rest still loads.
    const readFolder = async (dir: string) => {
      const entries = await readdir(dir, { withFileTypes: true });
      await rm(path.join(root, "n1100.txt"));
      return entries;
    };
    const report = await refreshIndex(await openMemoryDatabase(), {
      knowledgeDir: root,
      repair: (b) => b,
      logger: silentLogger,
      readFolder,
    });
    expect(report.problems).toEqual([{ file: "n1100.txt", reason: expect.stringContaining("ENOENT") }]);
    expect(report.added).toHaveLength(1200);
  });

  it("reports a failed system call while reading a file as that file's problem", async () => {
    const failing = () => readFileSync(path.join(root, "no-such-file")).toString();
    const report = await refresh(failing);
    expect(report.problems).toEqual([{ file: "storm.txt", reason: expect.stringContaining("ENOENT") }]);
  });
});

describe("isSystemError", () => {
  const enoent = (() => {
    try {
      readFileSync("/no/such/newsdesk/file");
    } catch (error) {
      return error;
    }
  })();
  it.each([
    ["a Node ENOENT", enoent, true],
    ["an IndexError (code INDEX)", new IndexError("corrupt"), false],
    ["an UnreadableFile (code KNOWLEDGE)", new UnreadableFile("empty"), false],
    ["an Error with a made-up code", Object.assign(new Error("x"), { code: "TokenInvalid" }), false],
    ["a plain object", { code: "ENOENT" }, false],
  ])("%s → %s", (_name, error, expected) => {
    expect(isSystemError(error)).toBe(expected);
  });

  it("keeps NewsdeskError's code (the collision the test guards against)", () => {
    expect(new ModelError("x")).toBeInstanceOf(NewsdeskError);
    expect(new ModelError("x").code).toBe("MODEL");
  });
});
