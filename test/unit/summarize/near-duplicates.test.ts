import { describe, expect, it } from "vitest";
import { foldNearDuplicates, isNearDuplicate } from "../../../src/summarize/index.js";

describe("isNearDuplicate", () => {
  it.each([
    ["The bank raised rates to 4.5% on Thursday.", "The bank raised rates to 4.5% on Thursday.", true],
    ["The bank raised rates to 4.5% on Thursday.", "On Thursday the bank raised rates to 4.5%.", true],
    ["The bank raised rates to 4.5% on Thursday.", "The bank raised rates to 4.5% on Thursday, its third rise this year.", true],
    ["The bank raised rates to 4.5% on Thursday.", "The bank kept rates unchanged at its March meeting.", false],
    ["The derby ended in a draw.", "The bank raised rates to 4.5% on Thursday.", false],
    ["", "Anything at all here.", false],
  ])("%j vs %j → %s", (a, b, expected) => {
    expect(isNearDuplicate(a, b)).toBe(expected);
    expect(isNearDuplicate(b, a)).toBe(expected);
  });

  it("keeps the first wording of each repeated sentence", () => {
    const texts = ["Rates rose to 4.5% on Thursday.", "The derby ended in a draw.", "Rates rose to 4.5% on Thursday!"];
    expect(foldNearDuplicates(texts)).toEqual([0, 1]);
  });
});
