import { describe, expect, it } from "vitest";
import { formatNumber, table } from "../../../tools/bench/report-table.js";

describe("report table", () => {
  it("pads columns, right-aligns numeric ones", () => {
    const text = table(
      ["what", "ms"],
      [
        ["ask", 12.345],
        ["cold start", 4321],
      ],
    );
    expect(text.split("\n")).toEqual(["what           ms", "----------  -----", "ask          12.3", "cold start  4,321"]);
  });

  it("keeps a column with a missing number (-) right-aligned", () => {
    expect(
      table(
        ["what", "ms"],
        [
          ["a", 5],
          ["b", "-"],
        ],
      )
        .split("\n")
        .slice(2),
    ).toEqual(["a      5", "b      -"]);
    expect(table(["what", "note"], [["a", "-"]]).split("\n")[2]).toBe("a     -");
  });

  it.each([
    [0.01234, "0.012"],
    [3.14159, "3.14"],
    [42.42, "42.4"],
    [1234.5, "1,235"],
  ])("formats %s as %s", (v, expected) => {
    expect(formatNumber(v)).toBe(expected);
  });
});
