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

/** A BART-style encoder-decoder (post-LayerNorm, learned positions offset by 2, GELU). */
export interface Seq2SeqShape {
  encoderLayers: number;
  decoderLayers: number;
  hidden: number;
  heads: number;
  ffn: number;
  vocab: number;
  maxPositions: number;
}

export interface ModelShapes {
  /** BERT encoder like Xenova/bge-small-en-v1.5. */
  embedder: EncoderShape;
  /** DistilBERT + QA head like Xenova/distilbert-base-cased-distilled-squad. */
  qa: EncoderShape;
  /** BART summariser like Xenova/distilbart-cnn-6-6; written by default for tiny only (the
   *  default shape is about 1 GB at fp32, so it is opt-in: `--with-summarizer`). */
  summarizer: Seq2SeqShape;
}

export type ShapeName = "tiny" | "default";

export const SHAPES: Record<ShapeName, ModelShapes> = {
  default: {
    embedder: { layers: 12, hidden: 384, heads: 12, intermediate: 1536, vocab: 30522, maxPositions: 512, typeVocab: 2 },
    qa: { layers: 6, hidden: 768, heads: 12, intermediate: 3072, vocab: 28996, maxPositions: 512, typeVocab: 0 },
    summarizer: { encoderLayers: 6, decoderLayers: 6, hidden: 1024, heads: 16, ffn: 4096, vocab: 50264, maxPositions: 1024 },
  },
  tiny: {
    embedder: { layers: 2, hidden: 32, heads: 2, intermediate: 64, vocab: 5000, maxPositions: 512, typeVocab: 2 },
    qa: { layers: 2, hidden: 32, heads: 2, intermediate: 64, vocab: 5000, maxPositions: 512, typeVocab: 0 },
    summarizer: { encoderLayers: 2, decoderLayers: 2, hidden: 32, heads: 2, ffn: 64, vocab: 1024, maxPositions: 1024 },
  },
};

export const EMBEDDER_ID = "Xenova/bge-small-en-v1.5";
export const QA_ID = "Xenova/distilbert-base-cased-distilled-squad";
export const SUMMARIZER_ID = "Xenova/distilbart-cnn-6-6";
