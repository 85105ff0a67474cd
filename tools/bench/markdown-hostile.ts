// How Markdown emphasis stripping scales on hostile lines (an opener repeated with no closer):
// median milliseconds at 50k and 200k characters; linear code takes about 4× as long for 4× the input.
// Run: npx tsx tools/bench/markdown-hostile.ts
import { parseMarkdown } from "../../src/knowledge/parse-markdown.js";

function median(text: string, runs = 5): number {
  const times = Array.from({ length: runs }, () => {
    const start = performance.now();
    parseMarkdown(text);
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

for (const unit of ["**a ", "*a ", "_a ", "__a ", "[a ", "![a "]) {
  const line = (n: number) => unit.repeat(Math.ceil(n / unit.length));
  median(line(20_000), 1);
  const small = median(line(50_000));
  const large = median(line(200_000));
  process.stdout.write(
    `${JSON.stringify(unit).padEnd(8)} 50k ${small.toFixed(1)} ms  200k ${large.toFixed(1)} ms  ratio ${(large / small).toFixed(1)}\n`,
  );
}
