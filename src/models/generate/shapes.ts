// Architectures of the generated models. `default` matches the published checkpoints layer for
// layer; `tiny` keeps the same graph with small widths so tests run real inference quickly.

export interface EncoderShape {
  layers: number;
  hidden: number;
  heads: number;
  intermediate: number;
  vocab: number;
  maxPositions: number;
  /** Segment (token type) embeddings; 0 for models without them (DistilBERT). */
  typeVocab: number;
}

export interface ModelShapes {
  /** BERT encoder like Xenova/bge-small-en-v1.5. */
  embedder: EncoderShape;
  /** DistilBERT + QA head like Xenova/distilbert-base-cased-distilled-squad. */
  qa: EncoderShape;
}

export type ShapeName = "tiny" | "default";

export const SHAPES: Record<ShapeName, ModelShapes> = {
  default: {
    embedder: { layers: 12, hidden: 384, heads: 12, intermediate: 1536, vocab: 30522, maxPositions: 512, typeVocab: 2 },
    qa: { layers: 6, hidden: 768, heads: 12, intermediate: 3072, vocab: 28996, maxPositions: 512, typeVocab: 0 },
  },
  tiny: {
    embedder: { layers: 2, hidden: 32, heads: 2, intermediate: 64, vocab: 5000, maxPositions: 512, typeVocab: 2 },
    qa: { layers: 2, hidden: 32, heads: 2, intermediate: 64, vocab: 5000, maxPositions: 512, typeVocab: 0 },
  },
};

export const EMBEDDER_ID = "Xenova/bge-small-en-v1.5";
export const QA_ID = "Xenova/distilbert-base-cased-distilled-squad";
