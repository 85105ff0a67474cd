// The e2e fake must be able to fail: its checks refuse what real Discord (or this project) would.
import { describe, expect, it } from "vitest";
import { checkAllowedMentions, checkChoices, checkCommands, checkMessage } from "../../e2e/fake-discord/validate.js";

const none = { parse: [], users: [], roles: [], replied_user: false };

describe("fake Discord checks", () => {
  it("refuses a message that could ping", () => {
    expect(checkAllowedMentions({ content: "@everyone" })).toEqual(["allowed_mentions missing"]);
    expect(checkAllowedMentions({ allowed_mentions: { parse: ["everyone"] } })).toHaveLength(1);
    expect(checkAllowedMentions({ allowed_mentions: { ...none, replied_user: true } })).toHaveLength(1);
    expect(checkAllowedMentions({ allowed_mentions: none })).toEqual([]);
  });

  it("refuses messages over Discord's limits", () => {
    const at = (embed: object) => checkMessage({ allowed_mentions: none, embeds: [embed] }, { create: true });
    expect(checkMessage({ allowed_mentions: none, content: "x".repeat(2001) }, { create: true })).toHaveLength(1);
    expect(at({ description: "x".repeat(4097) })).toHaveLength(1);
    expect(at({ title: "x".repeat(257) })).toHaveLength(1);
    expect(at({ fields: [{ name: "n", value: "x".repeat(1025) }] })).toHaveLength(1);
    expect(at({ fields: Array.from({ length: 26 }, () => ({ name: "n", value: "v" })) })).toHaveLength(1);
    expect(at({ description: "x".repeat(4000), fields: [1, 2, 3].map(() => ({ name: "n", value: "x".repeat(1000) })) })).toEqual([
      "embeds total 7003 > 6000",
    ]);
    expect(checkMessage({ allowed_mentions: none }, { create: true })).toEqual(["empty message"]);
  });

  it("refuses duplicate or long custom ids and too many choices", () => {
    const row = {
      type: 1,
      components: [
        { type: 2, custom_id: "a" },
        { type: 2, custom_id: "a" },
      ],
    };
    expect(checkMessage({ allowed_mentions: none, content: "x", components: [row] }, { create: true })).toHaveLength(1);
    expect(checkChoices(Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: `v${i}` })))).toHaveLength(1);
    expect(checkCommands([{ name: "Ask", description: "d" }])).toEqual(["bad command name Ask"]);
  });
});
