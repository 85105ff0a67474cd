// config.json, generation_config.json, tokenizer.json and tokenizer_config.json for a generated
// BART summariser, with the keys and special-token layout of facebook/bart-large-cnn and its
// distilled descendants (byte-level BPE, <s> … </s> around each text, decoding starts from </s>).
import { BART_SPECIAL_IDS, BART_SPECIALS, type BpeVocab } from "./bpe-vocab.js";
import type { Seq2SeqShape } from "./shapes.js";

const { bos, pad, eos } = BART_SPECIAL_IDS;

/** The summarisation settings the CNN/DailyMail checkpoints ship with. */
const SUMMARIZATION = { early_stopping: true, length_penalty: 2.0, max_length: 142, min_length: 56, no_repeat_ngram_size: 3, num_beams: 4 };

export function bartConfig(shape: Seq2SeqShape): object {
  return {
    activation_function: "gelu",
    architectures: ["BartForConditionalGeneration"],
    bos_token_id: bos,
    d_model: shape.hidden,
    decoder_attention_heads: shape.heads,
    decoder_ffn_dim: shape.ffn,
    decoder_layers: shape.decoderLayers,
    decoder_start_token_id: eos,
    encoder_attention_heads: shape.heads,
    encoder_ffn_dim: shape.ffn,
    encoder_layers: shape.encoderLayers,
    eos_token_id: eos,
    forced_bos_token_id: bos,
    forced_eos_token_id: eos,
    is_encoder_decoder: true,
    max_position_embeddings: shape.maxPositions,
    model_type: "bart",
    normalize_before: false,
    num_hidden_layers: shape.encoderLayers,
    pad_token_id: pad,
    scale_embedding: false,
    task_specific_params: { summarization: SUMMARIZATION },
    use_cache: true,
    vocab_size: shape.vocab,
  };
}

export function bartGenerationConfig(): object {
  return {
    bos_token_id: bos,
    decoder_start_token_id: eos,
    eos_token_id: eos,
    forced_bos_token_id: bos,
    forced_eos_token_id: eos,
    pad_token_id: pad,
    ...SUMMARIZATION,
  };
}

export function bartTokenizerJson({ vocab, merges }: BpeVocab): object {
  const added = (content: string, lstrip = false) => ({
    id: vocab.get(content)!,
    content,
    single_word: false,
    lstrip,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [
      added(BART_SPECIALS.bos),
      added(BART_SPECIALS.pad),
      added(BART_SPECIALS.eos),
      added(BART_SPECIALS.unk),
      added(BART_SPECIALS.mask, true),
    ],
    normalizer: null,
    pre_tokenizer: { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: {
      type: "RobertaProcessing",
      sep: [BART_SPECIALS.eos, eos],
      cls: [BART_SPECIALS.bos, bos],
      trim_offsets: true,
      add_prefix_space: false,
    },
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: "",
      end_of_word_suffix: "",
      fuse_unk: false,
      byte_fallback: false,
      vocab: Object.fromEntries(vocab),
      merges,
    },
  };
}

export function bartTokenizerConfig(maxLength: number): object {
  return {
    add_prefix_space: false,
    bos_token: BART_SPECIALS.bos,
    clean_up_tokenization_spaces: true,
    cls_token: BART_SPECIALS.bos,
    eos_token: BART_SPECIALS.eos,
    errors: "replace",
    mask_token: BART_SPECIALS.mask,
    model_max_length: maxLength,
    pad_token: BART_SPECIALS.pad,
    sep_token: BART_SPECIALS.eos,
    tokenizer_class: "BartTokenizer",
    unk_token: BART_SPECIALS.unk,
  };
}
