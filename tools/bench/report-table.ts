// Plain-text tables for the bench report. Pure.

export type Row = readonly (string | number)[];

const cell = (v: string | number) => (typeof v === "number" ? formatNumber(v) : v);

/** Numbers to three significant figures at most, thousands grouped. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return v.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Columns padded to their widest cell; numeric columns ("-" marks a missing number) right-aligned. */
export function table(header: Row, rows: readonly Row[]): string {
  const text = [header, ...rows].map((r) => r.map(cell));
  const widths = header.map((_, c) => Math.max(...text.map((r) => (r[c] ?? "").length)));
  const numeric = header.map(
    (_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === "number" || r[c] === "-") && rows.some((r) => typeof r[c] === "number"),
  );
  const line = (r: string[]) =>
    r
      .map((v, c) => (numeric[c] ? v.padStart(widths[c]!) : v.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(text[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...text.slice(1).map(line)].join("\n");
}
