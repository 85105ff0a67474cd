// Best answer spans from a QA model's start/end logits for one window. Softmax runs over the
// passage tokens plus [CLS] (the "no answer" position), as the SQuAD pipelines do. Pure.

export interface TokenSpan {
  /** Inclusive token positions in the window. */
  startToken: number;
  endToken: number;
  /** p(start) · p(end), in [0, 1]. */
  score: number;
}

export interface DecodedWindow {
  spans: TokenSpan[];
  /** p(start = CLS) · p(end = CLS): the model's belief that the window holds no answer. */
  noAnswerScore: number;
}

export interface DecodeOptions {
  /** Passage tokens are window positions [contextStart, contextEnd). */
  contextStart: number;
  contextEnd: number;
  maxAnswerTokens: number;
  topK: number;
}

function softmaxOver(logits: ArrayLike<number>, positions: number[]): Map<number, number> {
  let max = -Infinity;
  for (const i of positions) max = Math.max(max, logits[i]!);
  let sum = 0;
  const exp = positions.map((i) => {
    const e = Math.exp(logits[i]! - max);
    sum += e;
    return e;
  });
  return new Map(positions.map((i, k) => [i, exp[k]! / sum]));
}

export function decodeSpans(startLogits: ArrayLike<number>, endLogits: ArrayLike<number>, options: DecodeOptions): DecodedWindow {
  const { contextStart, contextEnd, maxAnswerTokens, topK } = options;
  const positions = [0];
  for (let i = contextStart; i < contextEnd; i++) positions.push(i);
  const pStart = softmaxOver(startLogits, positions);
  const pEnd = softmaxOver(endLogits, positions);
  const best: TokenSpan[] = [];
  for (let s = contextStart; s < contextEnd; s++) {
    const ps = pStart.get(s)!;
    const last = Math.min(contextEnd - 1, s + maxAnswerTokens - 1);
    for (let e = s; e <= last; e++) {
      const score = ps * pEnd.get(e)!;
      if (best.length === topK && score <= best[best.length - 1]!.score) continue;
      best.push({ startToken: s, endToken: e, score });
      best.sort((a, b) => b.score - a.score);
      if (best.length > topK) best.pop();
    }
  }
  return { spans: best, noAnswerScore: pStart.get(0)! * pEnd.get(0)! };
}

/**
 * Widens a token range [from, to] (inclusive) so it neither starts nor ends inside a word: a start
 * on a "##" continuation moves back to the word's first piece, an end followed by one moves on.
 */
export function widenToWords(tokens: string[], from: number, to: number, prefix = "##"): [number, number] {
  let start = from;
  let end = to;
  while (start > 0 && tokens[start]!.startsWith(prefix)) start--;
  while (end + 1 < tokens.length && tokens[end + 1]!.startsWith(prefix)) end++;
  return [start, end];
}
