import { describe, expect, it } from "vitest";
import { CUSTOM_ID, parseCustomId } from "../../../src/discord/format/custom-id.js";

describe("custom ids", () => {
  it.each(["haftar-visits-ghq#p2", "business/017#p1", "odd:id:with:colons#w3"])(
    "a passage button for %s reads back as that passage",
    (id) => {
      expect(parseCustomId(CUSTOM_ID.passage(id))).toEqual({ kind: "passage", passageId: id });
    },
  );

  it.each([0, 1, 42, -1])("an articles page button for page %i reads back as that page", (page) => {
    expect(parseCustomId(CUSTOM_ID.articlesPage(page))).toEqual({ kind: "articles", page });
  });

  it.each(["q1400000000000000301", "u42"])("a follow-up button for conversation %s reads back as it", (id) => {
    expect(parseCustomId(CUSTOM_ID.followUp(id))).toEqual({ kind: "follow-up", conversationId: id });
  });

  it.each(["followup:", "followup:private:1", "followup:thread", "followup:q1:x", "followup:q123456789012345678901"])(
    "a follow-up id that names no channel conversation (%j) is unknown: a forged one reaches no private key",
    (id) => {
      expect(parseCustomId(id)).toEqual({ kind: "unknown" });
    },
  );

  it.each(["", "passage", "passage:", "passage:   ", "articles:", "articles:two", "articles:1e9", "articles:9999999", "vote:1", ":x"])(
    "a forged or unknown id %j is a value, not a throw",
    (id) => {
      expect(parseCustomId(id)).toEqual({ kind: "unknown" });
    },
  );
});
