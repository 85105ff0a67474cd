// The model-backed Embedder: transformers.js feature extraction with the model's pooling,
// L2-normalised, batched (texts of similar length together, to pad less), truncated to the
// model's maximum length by the tokenizer.
import { FeatureExtractionPipeline } from "@huggingface/transformers";
import { ModelError } from "../errors.js";
import type { Embedder } from "../types.js";
import { embeddingRecipe, type EmbeddingRecipe } from "./embedding-recipe.js";
import { loadPretrained, type ModelLoadOptions } from "./load-pretrained.js";

export interface EmbedderOptions extends ModelLoadOptions {
  /** Texts per model call (default 16). */
  batchSize?: number;
  /** Overrides the recipe picked from the model id. */
  recipe?: Partial<EmbeddingRecipe>;
}

export interface ModelEmbedder extends Embedder {
  dispose(): Promise<void>;
}

export async function createEmbedder(options: EmbedderOptions): Promise<ModelEmbedder> {
  const { tokenizer, model } = await loadPretrained("feature-extraction", options);
  const extractor = new FeatureExtractionPipeline({ task: "feature-extraction", model, tokenizer });
  const recipe = { ...embeddingRecipe(options.modelId), ...options.recipe };
  const batchSize = Math.max(1, options.batchSize ?? 16);
  const config = model.config as unknown as { hidden_size?: number; dim?: number };
  const dimension = config.hidden_size ?? config.dim ?? 0;

  async function embed(texts: string[], kind: "query" | "passage"): Promise<Float32Array[]> {
    const prefix = kind === "query" ? recipe.queryPrefix : recipe.passagePrefix;
    const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
    const out: Float32Array[] = new Array(texts.length);
    for (let b = 0; b < order.length; b += batchSize) {
      const batch = order.slice(b, b + batchSize);
      let result;
      try {
        result = await extractor(
          batch.map((i) => prefix + texts[i]!),
          { pooling: recipe.pooling, normalize: true },
        );
      } catch (error) {
        throw new ModelError(
          `Embedding with ${options.modelId} failed: ${(error as Error).message}`,
          { modelId: options.modelId },
          { cause: error },
        );
      }
      const data = result.data as Float32Array;
      const width = result.dims[1]!;
      batch.forEach((textIndex, row) => {
        out[textIndex] = data.slice(row * width, (row + 1) * width);
      });
    }
    return out;
  }

  return {
    modelId: options.modelId,
    dimension,
    embed,
    dispose: () => extractor.dispose(),
  };
}
