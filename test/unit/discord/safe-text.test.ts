import { describe, expect, it } from "vitest";
import { cleanLine, cleanText, codeSpan, safeBody } from "../../../src/discord/format/safe-text.js";
import { repairPacket } from "../../../src/discord/events/raw-packet.js";

describe("cleanText", () => {
  it.each([
    ["\u202Eevil\u202C", "evil"],
    ["a\u200Bb\u200Cc\u200Dd\uFEFFe\u2060f", "abcdef"],
    ["nul\u0000bel\u0007esc\u001b[0m", "nulbelesc[0m"],
    ["\u2066isolated\u2069 \u200Fmark", "isolated mark"],
    ["keeps\ttabs\nand lines\r\nand CRs\r", "keeps\ttabs\nand lines\nand CRs\n"],
    ["Ünïcödé — “quotes” 日本語 🙂", "Ünïcödé — “quotes” 日本語 🙂"],
  ])("%j → %j", (input, expected) => expect(cleanText(input)).toBe(expected));

  it("squeezes one-line text", () => expect(cleanLine("  a\n\n b\u0007  c ")).toBe("a b c"));
});

describe("codeSpan", () => {
  it.each([
    ["plain#p1", "`plain#p1`"],
    ["a`b", "`aˋb`"],
    ["``x``", "`ˋˋxˋˋ`"],
    ["", "` `"],
    ["line\nbreak", "`line break`"],
  ])("%j → %j", (input, expected) => expect(codeSpan(input)).toBe(expected));
});

describe("safeBody", () => {
  it("cleans every visible string and leaves ids and urls alone", () => {
    const body = safeBody({
      content: "hi\u202E",
      embeds: [
        {
          title: "t\u0007",
          url: "https://example.com/a",
          description: "d\u200B",
          author: { name: "Q: \u202Eq" },
          footer: { text: "f\u0000" },
          fields: [{ name: "n\u200D", value: "v\u0007" }],
        },
      ],
      components: [{ type: 1, components: [{ type: 2, style: 2, custom_id: "passage:a\u200B", label: "L\u202E" }] }],
    });
    expect(body.content).toBe("hi");
    expect(body.embeds[0]).toMatchObject({ title: "t", description: "d", author: { name: "Q: q" }, footer: { text: "f" } });
    expect(body.embeds[0]!.fields).toEqual([{ name: "n", value: "v" }]);
    expect(body.components[0]!.components[0]).toMatchObject({ custom_id: "passage:a\u200B", label: "L" });
  });
});

describe("repairPacket", () => {
  it("reads malformed permission strings in an interaction as none, and says which", () => {
    const packet = {
      t: "INTERACTION_CREATE",
      d: {
        app_permissions: "1024",
        member: { permissions: "lots" },
        data: { resolved: { members: { "1": { permissions: "1.5" } }, roles: { "2": { permissions: "8" } } } },
      },
    };
    expect(repairPacket(packet)).toEqual(["member.permissions", "data.resolved.members.1.permissions"]);
    expect(packet.d.member.permissions).toBe("0");
    expect(packet.d.app_permissions).toBe("1024");
  });

  it("leaves other events alone", () => {
    const packet = { t: "MESSAGE_CREATE", d: { member: { permissions: "lots" } } };
    expect(repairPacket(packet)).toEqual([]);
    expect(packet.d.member.permissions).toBe("lots");
  });
});
