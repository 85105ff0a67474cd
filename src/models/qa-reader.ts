// The model-backed Reader: an extractive QA model over retrieved passages. Each passage is
// tokenized once, cut into windows next to the question, run in padded batches, decoded into
// spans, and mapped back to character offsets in the passage text (never the decoded tokens,
// which lose case and spacing).
import { Tensor, type PreTrainedModel } from "@huggingface/transformers";
import { ModelError } from "../errors.js";
import type { Reader, ScoredPassage, Span } from "../types.js";
import { loadPretrained, type ModelLoadOptions } from "./load-pretrained.js";
import type { ModelDtype } from "./model-files.js";
import { buildWindows, DEFAULT_WINDOW_OPTIONS, type QaWindow, type WindowOptions } from "./qa-windows.js";
import { decodeSpans, widenToWords } from "./span-decode.js";
import { literalTokenizer } from "./literal-tokenizer.js";
import type { CharRange } from "./token-offsets.js";

export interface QaReaderOptions extends ModelLoadOptions {
  /** Windows per model call (default 8). */
  batchSize?: number;
  maxLength?: number;
  stride?: number;
  /** Longest answer, in tokens (default 30). */
  maxAnswerTokens?: number;
  /** Spans kept per passage (default 3). */
  spansPerPassage?: number;
}

export interface QaReader extends Reader {
  /** The weights loaded (a local folder holding only one dtype gives that one). */
  readonly dtype: ModelDtype;
  dispose(): Promise<void>;
}

interface PreparedWindow {
  passage: number;
  window: QaWindow;
}

interface PassageTokens {
  tokens: string[];
  ids: number[];
  offsets: CharRange[];
}

function int64(rows: number[][], width: number, fill: (row: number[], i: number) => number): Tensor {
  const data = new BigInt64Array(rows.length * width);
  rows.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) data[r * width + i] = BigInt(fill(row, i));
  });
  return new Tensor("int64", data, [rows.length, width]);
}

export async function createQaReader(options: QaReaderOptions): Promise<QaReader> {
  const { tokenizer, model, dtype } = await loadPretrained("question-answering", options);
  const vocabSize = (model.config as unknown as { vocab_size?: number }).vocab_size;
  // Passages and questions are tokenised as text: "[SEP]" in an article is four characters.
  const literal = literalTokenizer(tokenizer, options.modelId, vocabSize);
  if (literal.open.length < 1 || literal.close.length < 1) throw new ModelError("QA tokenizer adds no [CLS]/[SEP] tokens", {});
  const windowOptions: WindowOptions = {
    ...DEFAULT_WINDOW_OPTIONS,
    clsId: literal.open[0]!,
    sepId: literal.close.at(-1)!,
    ...(options.maxLength ? { maxLength: options.maxLength } : {}),
    ...(options.stride !== undefined ? { stride: options.stride } : {}),
  };
  const batchSize = Math.max(1, options.batchSize ?? 8);
  const maxAnswerTokens = options.maxAnswerTokens ?? 30;
  const perPassage = options.spansPerPassage ?? 3;

  async function runBatch(batch: PreparedWindow[]): Promise<{ start: Float32Array; end: Float32Array; width: number }> {
    const rows = batch.map((b) => b.window.inputIds);
    const width = Math.max(...rows.map((r) => r.length));
    const inputs: Record<string, Tensor> = {
      input_ids: int64(rows, width, (row, i) => row[i]!),
      attention_mask: int64(rows, width, () => 1),
      // Always given: transformers.js feeds the session only the inputs it declares (DistilBERT has none).
      token_type_ids: int64(
        batch.map((b) => b.window.tokenTypeIds),
        width,
        (row, i) => row[i]!,
      ),
    };
    try {
      const out = (await (model as PreTrainedModel)(inputs)) as { start_logits: Tensor; end_logits: Tensor };
      return { start: out.start_logits.data as Float32Array, end: out.end_logits.data as Float32Array, width };
    } catch (error) {
      throw new ModelError(
        `Question answering with ${options.modelId} failed: ${(error as Error).message}`,
        { modelId: options.modelId },
        { cause: error },
      );
    }
  }

  async function read(question: string, passages: ScoredPassage[]): Promise<Span[]> {
    if (passages.length === 0 || question.trim() === "") return [];
    const questionIds = literal.ids(question);
    const prepared: PassageTokens[] = passages.map((p) => literal.aligned(p.passage.text));
    const windows: PreparedWindow[] = prepared.flatMap((p, passage) =>
      p.tokens.length === 0 ? [] : buildWindows(questionIds, p.ids, windowOptions).map((window) => ({ passage, window })),
    );
    const found: Span[][] = passages.map(() => []);
    const noAnswer = passages.map(() => 1);
    for (let b = 0; b < windows.length; b += batchSize) {
      const batch = windows.slice(b, b + batchSize);
      const { start, end, width } = await runBatch(batch);
      batch.forEach(({ passage, window }, row) => {
        const slice = (a: Float32Array) => a.subarray(row * width, row * width + window.inputIds.length);
        const contextEnd = window.contextStart + window.tokenTo - window.tokenFrom;
        const decoded = decodeSpans(slice(start), slice(end), {
          contextStart: window.contextStart,
          contextEnd,
          maxAnswerTokens,
          topK: perPassage,
        });
        noAnswer[passage] = Math.min(noAnswer[passage]!, decoded.noAnswerScore);
        const { tokens, offsets } = prepared[passage]!;
        for (const span of decoded.spans) {
          const toPassage = (t: number) => t - window.contextStart + window.tokenFrom;
          const [first, last] = widenToWords(tokens, toPassage(span.startToken), toPassage(span.endToken));
          found[passage]!.push({
            passageId: passages[passage]!.passage.id,
            start: offsets[first]!.start,
            end: offsets[last]!.end,
            score: span.score,
          });
        }
      });
    }
    return found
      .flatMap((spans, passage) => bestDistinct(spans, perPassage).map((s) => ({ ...s, noAnswerScore: noAnswer[passage]! })))
      .sort((a, b) => b.score - a.score);
  }

  return { mode: "model", modelId: options.modelId, dtype, read, dispose: () => model.dispose().then(() => undefined) };
}

/** The `limit` highest-scoring spans with distinct character ranges (windows overlap). */
function bestDistinct(spans: Span[], limit: number): Span[] {
  const byRange = new Map<string, Span>();
  for (const s of spans) {
    const key = `${s.start}:${s.end}`;
    if ((byRange.get(key)?.score ?? -1) < s.score) byRange.set(key, s);
  }
  return [...byRange.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}
