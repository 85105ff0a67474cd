// Hostile and malformed input through the real discord.js Client: control and bidi characters,
// markdown in echoed text, backticks in ids, forged buttons, broken permission strings. Every
// interaction gets an answer; nothing echoed can disguise or break a reply.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { USERS } from "./fake-discord/world.js";
import { EPHEMERAL, embedOf, startHarness, type Harness } from "./harness.js";
import { HAFTAR, createNewsdeskDouble, type NewsdeskDouble } from "./newsdesk-double.js";

let h: Harness;
let newsdesk: NewsdeskDouble;
beforeAll(async () => {
  newsdesk = createNewsdeskDouble();
  h = await startHarness(newsdesk);
});
afterAll(() => h.stop());
afterEach(() => expect(h.fake.allProblems()).toEqual([]));

// U+202E (right-to-left override), zero-width space/joiner, BOM, NUL, BEL, ESC (an ANSI colour).
const HOSTILE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

/** Every string a reply shows. */
function visible(message: any): string {
  const parts: string[] = [message.content ?? ""];
  for (const e of message.embeds ?? []) {
    parts.push(e.title ?? "", e.description ?? "", e.author?.name ?? "", e.footer?.text ?? "");
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  for (const row of message.components ?? []) for (const b of row.components) parts.push(b.label ?? "");
  return parts.join("\n");
}

describe("control, bidi and invisible characters", () => {
  it("are neither echoed in the answer nor passed to the core", async () => {
    const question = "\u202Ewho accompanied\u200B Haftar?\u0000\u0007\u001b[31m\u200D\uFEFF";
    const reply = await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "ask", options: { question } }));
    expect(visible(reply)).not.toMatch(HOSTILE);
    expect(embedOf(reply).author.name).toBe("Q: who accompanied Haftar?[31m");
    expect(newsdesk.asked.at(-1)).not.toMatch(HOSTILE);
  });

  it("are taken out of a mention's reply too", async () => {
    const m = h.fake.post({ content: "\u202Ewho accompanied Haftar?\u0007", mentionBot: true, from: USERS.bob });
    const reply = await h.fake.replyTo(m.id);
    expect(visible(reply)).not.toMatch(HOSTILE);
  });

  it("a question of nothing but controls gets the how-to-ask notice", async () => {
    const i = h.fake.interact({ kind: "slash", name: "ask", options: { question: "\u202E\u0000\u200B\u0007" } });
    const reply = await h.fake.answerOf(i);
    expect(reply.content).toMatch(/^Ask me about the news articles/);
  });
});

describe("markdown and code spans", () => {
  it("escapes a /summary topic in the embed title", async () => {
    const topic = "**bold** _it_ ~~gone~~ ||spoiler|| `code` [link](https://evil.example)";
    const reply = await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "summary", options: { topic } }));
    const title = embedOf(reply).title as string;
    expect(title).toContain("\\*\\*bold\\*\\*");
    expect(title).toContain("\\|\\|spoiler\\|\\|");
    expect(title).toContain("\\`code\\`");
    expect(title).not.toMatch(/(^|[^\\])\*\*/);
  });

  it("a backtick in a /source id cannot end its code span", async () => {
    const reply = await h.fake.answerOf(
      h.fake.interact({ kind: "slash", name: "source", options: { passage: "x` **@everyone** `y\u202E" } }),
    );
    expect(reply.flags).toBe(EPHEMERAL);
    expect(reply.content.match(/`/g)).toHaveLength(2);
    expect(reply.content).toMatch(/^No passage `xˋ \*\*@everyone\*\* ˋy`\./);
  });
});

describe("every interaction is answered", () => {
  it.each(["gibberish", "passage:", "articles:abc", "articles:99999999", "delete:everything", ":"])(
    "a forged or stale button id (%j) gets a private reply",
    async (customId) => {
      const i = h.fake.interact({ kind: "button", customId });
      const reply = await h.fake.answerOf(i);
      expect(i.callbacks).toHaveLength(1);
      expect(reply.flags).toBe(EPHEMERAL);
      expect(reply.content).toMatch(/expired/i);
    },
  );

  it("a stale passage button names the passage it cannot find", async () => {
    const reply = await h.fake.answerOf(h.fake.interact({ kind: "button", customId: "passage:gone-article#p3" }));
    expect(reply.content).toMatch(/^No passage `gone-article#p3`/);
  });

  it("a command the bot no longer has gets a private reply", async () => {
    const i = h.fake.interact({ kind: "slash", name: "retired-command" });
    const reply = await h.fake.answerOf(i);
    expect(reply.flags).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/not available/);
  });

  it("a non-numeric permissions string is read as no permissions, and answered", async () => {
    const i = h.fake.interact(
      { kind: "slash", name: "reindex", from: USERS.admin },
      {
        alter: (p) => {
          p.member.permissions = "all-of-them";
          p.app_permissions = "NaN";
        },
      },
    );
    const reply = await h.fake.answerOf(i);
    expect(reply.content).toMatch(/Manage Server/);
    expect(h.logs.some((l) => l.includes("repaired a malformed gateway event") && l.includes("member.permissions"))).toBe(true);
    // And the next interaction is handled as usual.
    const next = await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "source", options: { passage: HAFTAR.id } }));
    expect(embedOf(next).description).toBe(HAFTAR.text);
  });
});
