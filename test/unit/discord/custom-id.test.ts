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

  it.each(["", "passage", "passage:", "passage:   ", "articles:", "articles:two", "articles:1e9", "articles:9999999", "vote:1", ":x"])(
    "a forged or unknown id %j is a value, not a throw",
    (id) => {
      expect(parseCustomId(id)).toEqual({ kind: "unknown" });
    },
  );
});
