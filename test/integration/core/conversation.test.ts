// Follow-up questions through the front door: a real Newsdesk over real files, in lexical mode.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNewsdesk } from "../../../src/app.js";
import { loadConfig } from "../../../src/config/index.js";
import { silentLogger } from "../../../src/log.js";
import type { Newsdesk } from "../../../src/types.js";

let root: string;
let newsdesk: Newsdesk;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-conversation-"));
  const knowledgeDir = path.join(root, "knowledge");
  await mkdir(knowledgeDir, { recursive: true });
  await writeFile(
    path.join(knowledgeDir, "harbour.md"),
    "---\ntitle: Minister opens harbour\n---\n\nMinister Elena Varga opened the new harbour in Porto Lino on Friday.\n\n" +
      "She said the harbour would create 400 jobs.\n",
  );
  // A distractor that says "jobs" without the minister.
  await writeFile(
    path.join(knowledgeDir, "factory.md"),
    "---\ntitle: Factory closes\n---\n\nThe factory in Dunmore will cut 90 jobs, the firm said.\n",
  );
  newsdesk = await createNewsdesk(
    loadConfig(
      { ANSWER_MODE: "lexical", KNOWLEDGE_DIR: knowledgeDir, CACHE_DIR: path.join(root, "cache") },
      {},
      path.join(root, "none.env"),
    ),
    silentLogger,
  );
});

afterAll(async () => {
  await newsdesk.close();
  await rm(root, { recursive: true, force: true });
});

describe("asking within a conversation", () => {
  it("answers a first turn exactly as asking alone, marked as not a follow-up", async () => {
    const alone = await newsdesk.ask("Who opened the new harbour?");
    const first = await newsdesk.ask("Who opened the new harbour?", { conversation: "c1" });
    expect(first.conversation).toEqual({ followUp: false, resolvedQuestion: "Who opened the new harbour?" });
    expect({ ...first, conversation: undefined }).toEqual({ ...alone, conversation: undefined });
  });

  it("resolves a pronoun from the last answer and cites the conversation's article", async () => {
    await newsdesk.ask("Who opened the new harbour?", { conversation: "c2" });
    const next = await newsdesk.ask("How many jobs did she say it would create?", { conversation: "c2" });
    expect(next.conversation?.followUp).toBe(true);
    expect(next.conversation?.previousQuestion).toBe("Who opened the new harbour?");
    expect(next.conversation?.resolvedQuestion).toContain("Elena Varga");
    expect(next.kind).not.toBe("not-found");
    if (next.kind !== "not-found") expect(next.citation.articleId).toBe("harbour");
  });

  it("keeps conversations apart by key", async () => {
    await newsdesk.ask("Who opened the new harbour?", { conversation: "c3" });
    const other = await newsdesk.ask("And when?", { conversation: "c4" });
    expect(other.conversation?.followUp).toBe(false);
    const same = await newsdesk.ask("And when?", { conversation: "c3" });
    expect(same.conversation?.followUp).toBe(true);
    expect(same.kind === "answer" && same.answer).toBe("Friday");
  });
});
