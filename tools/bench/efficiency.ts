// Achieved GFLOP/s of the two models on inputs of exactly known length: the word "the" (one
// word piece in every BERT vocabulary) repeated, so the token count — and with the model's shape,
// the FLOPs — of each run is exact. Timed through the product's Embedder and Reader.
import type { EncoderShape } from "../generate/shapes.js";
import type { Embedder, Passage, Reader } from "../../src/types.js";
import { encoderFlops } from "./flops.js";
import { median } from "./percentiles.js";

export interface ModelEfficiency {
  what: string;
  batch: number;
  tokens: number;
  median_ms: number;
  gflop_per_run: number;
  gflops: number;
  /** Share of the measured matrix-multiply peak. */
  of_peak: number;
}

const words = (n: number) => Array.from({ length: n }, () => "the").join(" ");

async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function result(what: string, batch: number, tokens: number, ms: number, flops: number, peakGflops: number): ModelEfficiency {
  const gflops = flops / (ms * 1e6);
  return { what, batch, tokens, median_ms: ms, gflop_per_run: flops / 1e9, gflops, of_peak: gflops / peakGflops };
}

/** Embedding a batch of 16 passages of 128 tokens ([CLS] + 126 words + [SEP]). */
export async function embedderEfficiency(embedder: Embedder, shape: EncoderShape, peakGflops: number, runs = 5): Promise<ModelEfficiency> {
  const batch = 16,
    tokens = 128;
  const texts = Array.from({ length: batch }, () => words(tokens - 2));
  const ms = await timeRuns(runs, () => embedder.embed(texts, "passage"));
  return result("embed 16 passages", batch, tokens, ms, encoderFlops(shape, { batch, tokens }), peakGflops);
}

/** Reading 3 passages of 200 tokens for a 10-token question: 3 windows of 213 tokens. */
export async function readerEfficiency(reader: Reader, shape: EncoderShape, peakGflops: number, runs = 5): Promise<ModelEfficiency> {
  const question = words(10);
  const text = words(200);
  const passages = [1, 2, 3].map((n) => ({
    passage: { id: `bench#p${n}`, articleId: "bench", title: "Bench", paragraph: n, start: 0, end: text.length, text } satisfies Passage,
    score: 1,
  }));
  const tokens = 1 + 10 + 1 + 200 + 1;
  const ms = await timeRuns(runs, () => reader.read(question, passages));
  return result("QA read 3 passages", 3, tokens, ms, encoderFlops(shape, { batch: 3, tokens }, 2), peakGflops);
}
