// ask and summarize latency through the real app: a warm-up, then every question (or article)
// timed one at a time, as a bot answering one message after another would.
import type { Newsdesk } from "../../src/types.js";

export async function timeEach<T>(items: readonly T[], warmup: number, fn: (item: T) => Promise<unknown>): Promise<number[]> {
  for (const item of items.slice(0, warmup)) await fn(item);
  const times: number[] = [];
  for (const item of items) {
    const t = performance.now();
    await fn(item);
    times.push(performance.now() - t);
  }
  return times;
}

export const askLatencies = (newsdesk: Newsdesk, questions: readonly string[], warmup = 10) =>
  timeEach(questions, warmup, (q) => newsdesk.ask(q));

export const summarizeLatencies = (newsdesk: Newsdesk, articleIds: readonly string[], warmup = 3) =>
  timeEach(articleIds, warmup, (id) => newsdesk.summarize(id));
