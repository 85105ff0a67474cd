import { describe, expect, it } from "vitest";
import { buildWindows } from "../../../src/models/qa-windows.js";

const base = { clsId: 101, sepId: 102, maxQuestionTokens: 64 };
const range = (n: number, from = 1000) => Array.from({ length: n }, (_, i) => from + i);

describe("buildWindows", () => {
  it("puts a short passage in one window as [CLS] q [SEP] p [SEP] with segment ids", () => {
    const [w, ...rest] = buildWindows([5, 6], [7, 8, 9], { ...base, maxLength: 384, stride: 128 });
    expect(rest).toHaveLength(0);
    expect(w!.inputIds).toEqual([101, 5, 6, 102, 7, 8, 9, 102]);
    expect(w!.tokenTypeIds).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(w).toMatchObject({ contextStart: 4, tokenFrom: 0, tokenTo: 3 });
  });

  it("cuts a long passage into overlapping windows that cover every token and fit maxLength", () => {
    const passage = range(1000);
    const windows = buildWindows(range(10, 1), passage, { ...base, maxLength: 384, stride: 128 });
    expect(windows.length).toBeGreaterThan(1);
    for (const w of windows) expect(w.inputIds.length).toBeLessThanOrEqual(384);
    expect(windows[0]!.tokenFrom).toBe(0);
    expect(windows.at(-1)!.tokenTo).toBe(1000);
    for (let i = 1; i < windows.length; i++) {
      expect(windows[i - 1]!.tokenTo - windows[i]!.tokenFrom).toBe(128);
    }
    const w1 = windows[1]!;
    expect(w1.inputIds.slice(w1.contextStart, -1)).toEqual(passage.slice(w1.tokenFrom, w1.tokenTo));
  });

  it("keeps at most maxQuestionTokens of the question", () => {
    const [w] = buildWindows(range(100, 1), [7], { ...base, maxQuestionTokens: 5, maxLength: 64, stride: 8 });
    expect(w!.contextStart).toBe(7);
  });

  it("still advances when the stride is not smaller than the room left", () => {
    const windows = buildWindows([1, 2], range(20), { ...base, maxLength: 10, stride: 50 });
    expect(windows.at(-1)!.tokenTo).toBe(20);
    expect(windows.every((w) => w.tokenTo > w.tokenFrom)).toBe(true);
  });

  it("rejects a maxLength with no room for the passage", () => {
    expect(() => buildWindows(range(10), [1], { ...base, maxLength: 12, stride: 1 })).toThrow(RangeError);
  });
});
