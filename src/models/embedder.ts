// The model-backed Embedder: a sentence-embedding encoder run directly through ONNX Runtime with
// the model's pooling, L2-normalised. Texts are tokenised as text (special-token strings stay
// words), truncated to the model's length, and batched over the whole call by token length
// under a token budget, so little of the work is padding.
import { Tensor, type PreTrainedModel } from "@huggingface/transformers";
import { ModelError } from "../errors.js";
import type { Embedder, EmbedOptions } from "../types.js";
import { embeddingRecipe, type EmbeddingRecipe } from "./embedding-recipe.js";
import { planBatches, type BatchLimits } from "./length-batches.js";
import { literalTokenizer } from "./literal-tokenizer.js";
import { loadPretrained, type ModelLoadOptions } from "./load-pretrained.js";
import type { ModelDtype } from "./model-files.js";
import { poolRows } from "./pooling.js";

export interface EmbedderOptions extends ModelLoadOptions {
  /** Batch limits: padded tokens and rows per model call (default 4,096 and 64; npm run bench). */
  batch?: Partial<BatchLimits>;
  /** Overrides the recipe picked from the model id. */
  recipe?: Partial<EmbeddingRecipe>;
}

export interface ModelEmbedder extends Embedder {
  /** The weights loaded (a local folder holding only one dtype gives that one). */
  readonly dtype: ModelDtype;
  /** Tokens the model runs on for each text (specials included, truncated as embed does). */
  tokenCounts(texts: string[], kind: "query" | "passage"): number[];
  dispose(): Promise<void>;
}

// Batches of about 2,048 tokens, cut from the whole set sorted by length: on 512 real BBC passages with the
// published tokenizer, 109 passages/s (56 % of the measured int8 peak) against 86 at 4,096 and 72 at 8,192
// (`npx tsx tools/embed-sweep.ts --passages 512`, quiet 2-core machine): smaller matrices stay in cache.
export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxTokens: 2048, maxRows: 64 };

function int64(rows: number[][], width: number, value: (row: number[], i: number) => number): Tensor {
  const data = new BigInt64Array(rows.length * width);
  rows.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) data[r * width + i] = BigInt(value(row, i));
  });
  return new Tensor("int64", data, [rows.length, width]);
}

export async function createEmbedder(options: EmbedderOptions): Promise<ModelEmbedder> {
  const { tokenizer, model, dtype } = await loadPretrained("feature-extraction", options);
  const recipe = { ...embeddingRecipe(options.modelId), ...options.recipe };
  const limits = { ...DEFAULT_BATCH_LIMITS, ...options.batch };
  const config = model.config as unknown as { hidden_size?: number; dim?: number; vocab_size?: number; max_position_embeddings?: number };
  const dimension = config.hidden_size ?? config.dim ?? 0;
  const literal = literalTokenizer(tokenizer, options.modelId, config.vocab_size);
  const maxLength = Math.min(tokenizer.model_max_length, config.max_position_embeddings ?? Infinity, 512);
  const room = maxLength - literal.open.length - literal.close.length;

  async function run(rows: number[][]): Promise<Float32Array[]> {
    const width = Math.max(...rows.map((r) => r.length));
    const inputs: Record<string, Tensor> = {
      input_ids: int64(rows, width, (row, i) => row[i]!),
      attention_mask: int64(rows, width, () => 1),
      // Always given: transformers.js feeds the session only the inputs it declares.
      token_type_ids: int64(rows, width, () => 0),
    };
    const out = (await (model as PreTrainedModel)(inputs)) as { last_hidden_state?: Tensor; token_embeddings?: Tensor };
    const hidden = out.last_hidden_state ?? out.token_embeddings;
    if (!hidden) throw new Error("the model returned no hidden states");
    const dim = hidden.dims[2]!;
    return poolRows(
      hidden.data as Float32Array,
      rows.length,
      width,
      dim,
      rows.map((r) => r.length),
      recipe.pooling,
    );
  }

  function rowsOf(texts: string[], kind: "query" | "passage"): number[][] {
    const prefix = kind === "query" ? recipe.queryPrefix : recipe.passagePrefix;
    return texts.map((t) => [...literal.open, ...literal.ids(prefix + t).slice(0, room), ...literal.close]);
  }

  async function embed(texts: string[], kind: "query" | "passage", embedOptions: EmbedOptions = {}): Promise<Float32Array[]> {
    const rows = rowsOf(texts, kind);
    const out: Float32Array[] = new Array(texts.length);
    let done = 0;
    for (const batch of planBatches(
      rows.map((r) => r.length),
      limits,
    )) {
      // A stopping bot does not wait for the rest of a large call (a model call is a fraction of a second).
      embedOptions.signal?.throwIfAborted();
      let vectors: Float32Array[];
      try {
        vectors = await run(batch.map((i) => rows[i]!));
      } catch (error) {
        throw new ModelError(
          `Embedding with ${options.modelId} failed: ${(error as Error).message}`,
          { modelId: options.modelId },
          { cause: error },
        );
      }
      batch.forEach((textIndex, row) => (out[textIndex] = vectors[row]!));
      done += batch.length;
      embedOptions.onProgress?.(done, texts.length);
    }
    return out;
  }

  return {
    modelId: options.modelId,
    dtype,
    dimension,
    embed,
    tokenCounts: (texts, kind) => rowsOf(texts, kind).map((r) => r.length),
    dispose: () => model.dispose().then(() => undefined),
  };
}
