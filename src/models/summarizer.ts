// The model-backed TextSummarizer: a BART-family encoder-decoder (Xenova/distilbart-cnn-6-6 by
// default) generating through transformers.js, loaded like the other models. The article is
// tokenised as text, as the summarization pipeline would (the config's prefix, <s> … </s>, cut
// at the model's length) except that special-token strings in it stay text: a literal "<mask>"
// would otherwise be BART's id 50,264, one past its embedding table.
import { Tensor, type PreTrainedModel } from "@huggingface/transformers";
import { ModelError } from "../errors.js";
import type { TextSummarizer } from "../types.js";
import { literalTokenizer } from "./literal-tokenizer.js";
import { loadPretrained, type ModelLoadOptions } from "./load-pretrained.js";
import type { ModelDtype } from "./model-files.js";

export interface SummarizerOptions extends ModelLoadOptions {
  /** Most tokens a summary may have, whatever the requested length (default 142, the CNN setting). */
  maxNewTokens?: number;
  /** Fewest tokens before the model may stop, as a share of the token budget (default 0.4). */
  minShare?: number;
}

export interface ModelSummarizer extends TextSummarizer {
  /** The weights loaded (a local folder holding only one dtype gives that one). */
  readonly dtype: ModelDtype;
  dispose(): Promise<void>;
}

// BART's byte-level BPE spends about 1.3 tokens on an English word.
const TOKENS_PER_WORD = 1.3;
const MIN_BUDGET = 8;

/** max/min new tokens for a summary of about `maxWords` words. */
export function tokenBudget(maxWords: number, maxNewTokens: number, minShare: number): { max: number; min: number } {
  const max = Math.max(MIN_BUDGET, Math.min(maxNewTokens, Math.round(maxWords * TOKENS_PER_WORD)));
  return { max, min: Math.min(max - 1, Math.round(max * minShare)) };
}

export async function createSummarizer(options: SummarizerOptions): Promise<ModelSummarizer> {
  const { tokenizer, model, dtype } = await loadPretrained("summarization", options);
  const config = model.config as unknown as { vocab_size?: number; prefix?: string; max_position_embeddings?: number };
  const literal = literalTokenizer(tokenizer, options.modelId, config.vocab_size);
  const prefix = config.prefix ?? "";
  const maxLength = Math.min(tokenizer.model_max_length, config.max_position_embeddings ?? Infinity);
  const room = maxLength - literal.open.length - literal.close.length;
  const maxNewTokens = options.maxNewTokens ?? 142;
  const minShare = options.minShare ?? 0.4;

  async function summarize(text: string, { maxWords }: { maxWords: number }): Promise<string> {
    if (text.trim() === "") return "";
    const budget = tokenBudget(maxWords, maxNewTokens, minShare);
    try {
      // Greedy decoding: transformers.js keeps only the first beam anyway. min_length 0 lets the
      // budget, not the checkpoint's CNN default of 56 tokens, decide the shortest summary.
      const ids = [...literal.open, ...literal.ids(prefix + text).slice(0, room), ...literal.close];
      const input_ids = new Tensor("int64", BigInt64Array.from(ids, BigInt), [1, ids.length]);
      const attention_mask = new Tensor("int64", new BigInt64Array(ids.length).fill(1n), [1, ids.length]);
      const out = (await (model as PreTrainedModel).generate({
        input_ids,
        attention_mask,
        max_new_tokens: budget.max,
        min_new_tokens: budget.min,
        min_length: 0,
        num_beams: 1,
      } as Parameters<PreTrainedModel["generate"]>[0])) as Tensor;
      const [summary] = tokenizer.batch_decode(out, { skip_special_tokens: true });
      return (summary ?? "").trim();
    } catch (error) {
      throw new ModelError(
        `Summarising with ${options.modelId} failed: ${(error as Error).message}`,
        { modelId: options.modelId },
        { cause: error },
      );
    }
  }

  return { modelId: options.modelId, dtype, summarize, dispose: () => model.dispose().then(() => undefined) };
}
