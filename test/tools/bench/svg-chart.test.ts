import { describe, expect, it } from "vitest";
import { latencyChart, logTicks } from "../../../tools/bench/svg-chart.js";

describe("latency chart", () => {
  it("draws one cumulative curve per series, labelled with its count", () => {
    const svg = latencyChart("ask <latency>", [
      { label: "model mode", values_ms: [120, 300, 250] },
      { label: "lexical mode", values_ms: [3, 5, 8, 12] },
    ]);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain("model mode (n=3)");
    expect(svg).toContain("lexical mode (n=4)");
    expect(svg).toContain("ask &lt;latency&gt;");
    // each curve: a start point plus one point per value
    const points = [...svg.matchAll(/points="([^"]+)"/g)].map((m) => m[1]!.split(" ").length);
    expect(points).toEqual([4, 5]);
  });

  it("spans whole powers of ten around the values", () => {
    expect(logTicks(1, 1000)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    const svg = latencyChart("t", [{ label: "x", values_ms: [3, 700] }]);
    expect(svg).toContain(">1<");
    expect(svg).toContain(">1000<");
  });

  it("refuses to draw nothing", () => {
    expect(() => latencyChart("t", [{ label: "x", values_ms: [] }])).toThrow(RangeError);
  });
});
