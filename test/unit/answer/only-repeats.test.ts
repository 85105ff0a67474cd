import { describe, expect, it } from "vitest";
import { avoidedTerms, onlyRepeats } from "../../../src/answer/only-repeats.js";

describe("onlyRepeats", () => {
  const avoided = avoidedTerms(["Kim Collins", "Portrait of Omai"]);

  it("is true for a span that only names what the question stood for", () => {
    expect(onlyRepeats("Kim Collins", avoided)).toBe(true);
    expect(onlyRepeats("the Portrait of Omai", avoided)).toBe(true);
    expect(onlyRepeats("Collins", avoided)).toBe(true);
  });

  it("leaves out the ranks and titles before a name", () => {
    const haftar = avoidedTerms(["Haftar"]);
    expect(onlyRepeats("Field Marshal Haftar", haftar)).toBe(true);
    expect(onlyRepeats("Dr. Haftar", haftar)).toBe(true);
    expect(onlyRepeats("Field Marshal Asim Munir", haftar)).toBe(false);
    expect(onlyRepeats("Field Marshal", haftar)).toBe(false);
  });

  it("is false for a span that says anything more, or nothing searchable", () => {
    expect(onlyRepeats("Birmingham", avoided)).toBe(false);
    expect(onlyRepeats("Kim Collins in Birmingham", avoided)).toBe(false);
    expect(onlyRepeats("£10.3m", avoided)).toBe(false);
    expect(onlyRepeats("the", avoided)).toBe(false);
    expect(onlyRepeats("Kim Collins", avoidedTerms([]))).toBe(false);
  });
});
