// The latency distribution as an SVG: one cumulative curve per series (share of questions answered
// within x ms), on a log-scaled time axis so lexical (ms) and model (hundreds of ms) fit together.
// Pure: returns the document text.

export interface Series {
  label: string;
  values_ms: readonly number[];
}

const WIDTH = 720;
const HEIGHT = 400;
const PAD = { left: 60, right: 20, top: 40, bottom: 50 };
const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);

/** Powers of ten (with 2 and 5 between) covering [lo, hi]. */
export function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const t = m * 10 ** e;
      if (t >= lo && t <= hi) ticks.push(t);
    }
  }
  return ticks;
}

export function latencyChart(title: string, series: readonly Series[]): string {
  const all = series.flatMap((s) => s.values_ms).filter((v) => v > 0);
  if (all.length === 0) throw new RangeError("a latency chart needs at least one positive value");
  const lo = 10 ** Math.floor(Math.log10(Math.min(...all)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...all)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (ms: number) => PAD.left + (plotW * (Math.log10(Math.max(ms, lo)) - Math.log10(lo))) / (Math.log10(hi) - Math.log10(lo) || 1);
  const y = (share: number) => PAD.top + plotH * (1 - share);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
  ];
  for (const t of logTicks(lo, hi)) {
    parts.push(`<line x1="${x(t).toFixed(1)}" y1="${PAD.top}" x2="${x(t).toFixed(1)}" y2="${PAD.top + plotH}" stroke="#ddd"/>`);
    parts.push(`<text x="${x(t).toFixed(1)}" y="${PAD.top + plotH + 16}" text-anchor="middle">${t}</text>`);
  }
  for (const share of [0, 0.25, 0.5, 0.75, 0.95, 1]) {
    parts.push(`<line x1="${PAD.left}" y1="${y(share).toFixed(1)}" x2="${PAD.left + plotW}" y2="${y(share).toFixed(1)}" stroke="#eee"/>`);
    parts.push(`<text x="${PAD.left - 6}" y="${(y(share) + 4).toFixed(1)}" text-anchor="end">${Math.round(share * 100)}%</text>`);
  }
  parts.push(`<text x="${PAD.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">latency (ms, log scale)</text>`);
  series.forEach((s, i) => {
    const sorted = [...s.values_ms].sort((a, b) => a - b);
    const colour = COLOURS[i % COLOURS.length]!;
    const points = sorted.map((v, k) => `${x(v).toFixed(1)},${y((k + 1) / sorted.length).toFixed(1)}`);
    if (points.length)
      parts.push(
        `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${x(sorted[0]!).toFixed(1)},${y(0).toFixed(1)} ${points.join(" ")}"/>`,
      );
    parts.push(
      `<text x="${PAD.left + 10}" y="${PAD.top + 16 + 16 * i}" fill="${colour}">${escapeXml(`${s.label} (n=${sorted.length})`)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}
