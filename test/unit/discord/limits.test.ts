import { describe, expect, it } from "vitest";
import { LIMITS, embedLength, fitText } from "../../../src/discord/format/limits.js";

describe("fitText", () => {
  it("leaves text that fits alone", () => {
    expect(fitText("Short. Text.", 100)).toBe("Short. Text.");
  });

  it("cuts at the last whole sentence that fits", () => {
    const text = "The first sentence is here. The second one is a little longer. The third is the longest of all three.";
    const cut = fitText(text, 70);
    expect(cut).toBe("The first sentence is here. The second one is a little longer. …");
    expect(cut.length).toBeLessThanOrEqual(70);
  });

  it("falls back to a word boundary when one sentence is too long", () => {
    const cut = fitText("word ".repeat(100).trim(), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/word…$/);
  });

  it.each([1, 2, 3, 10, 256, 1024, 4096])("never exceeds max = %i", (max) => {
    const text = "Sentence number one. ".repeat(400) + "x".repeat(5000);
    expect(fitText(text, max).length).toBeLessThanOrEqual(max);
    expect(fitText("y".repeat(9000), max).length).toBeLessThanOrEqual(max);
  });
});

describe("embedLength", () => {
  it("counts title, description, fields, footer and author", () => {
    const n = embedLength({
      title: "ab",
      description: "cde",
      fields: [{ name: "f", value: "gh" }],
      footer: { text: "i" },
      author: { name: "jk" },
    });
    expect(n).toBe(11);
    expect(LIMITS.embedTotal).toBe(6000);
  });
});
