// The model-backed TextSummarizer: transformers.js's summarization pipeline over a BART-family
// encoder-decoder (Xenova/distilbart-cnn-6-6 by default), loaded like the other models.
import { SummarizationPipeline, type PreTrainedModel, type PreTrainedTokenizer } from "@huggingface/transformers";
import { ModelError } from "../errors.js";
import type { TextSummarizer } from "../summarize/generated.js";
import { loadPretrained, type ModelLoadOptions } from "./load-pretrained.js";

export interface SummarizerOptions extends ModelLoadOptions {
  /** Most tokens a summary may have, whatever the requested length (default 142, the CNN setting). */
  maxNewTokens?: number;
  /** Fewest tokens before the model may stop, as a share of the token budget (default 0.4). */
  minShare?: number;
}

export interface ModelSummarizer extends TextSummarizer {
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
  const { tokenizer, model } = await loadPretrained("summarization", options);
  const pipe = new SummarizationPipeline({
    task: "summarization",
    model: model as PreTrainedModel,
    tokenizer: tokenizer as PreTrainedTokenizer,
  });
  const maxNewTokens = options.maxNewTokens ?? 142;
  const minShare = options.minShare ?? 0.4;

  async function summarize(text: string, { maxWords }: { maxWords: number }): Promise<string> {
    if (text.trim() === "") return "";
    const budget = tokenBudget(maxWords, maxNewTokens, minShare);
    try {
      // Greedy decoding: transformers.js keeps only the first beam anyway. min_length 0 lets the
      // budget, not the checkpoint's CNN default of 56 tokens, decide the shortest summary.
      const out = await pipe(text, { max_new_tokens: budget.max, min_new_tokens: budget.min, min_length: 0, num_beams: 1 });
      const first = (Array.isArray(out) ? out[0] : out) as { summary_text?: string } | undefined;
      return (first?.summary_text ?? "").trim();
    } catch (error) {
      throw new ModelError(
        `Summarising with ${options.modelId} failed: ${(error as Error).message}`,
        { modelId: options.modelId },
        { cause: error },
      );
    }
  }

  return { modelId: options.modelId, summarize, dispose: () => pipe.dispose() };
}
