import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";

function logged(level: "info" | "debug", format: "pretty" | "json"): string {
  const lines: string[] = [];
  const logger = createLogger({ level, format, write: (l) => lines.push(l) });
  logger.warn("Skipped a file", { error: new Error("outer", { cause: new Error("inner") }) });
  return lines.join("\n");
}

describe("the logger", () => {
  it.each(["pretty", "json"] as const)("writes an error's message without its stack trace unless LOG_LEVEL=debug (%s)", (format) => {
    const quiet = logged("info", format);
    expect(quiet).toContain("outer");
    expect(quiet).toContain("inner");
    expect(quiet).not.toMatch(/\bat .*log\.test\.ts/);
    expect(quiet).not.toContain("stack");
    expect(logged("debug", format)).toMatch(/"stack":"Error: outer\\n\s+at /);
  });
});
