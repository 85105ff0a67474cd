// tokenizer.json, tokenizer_config.json and config.json contents for the generated models, in the
// format the Hugging Face tokenizers library writes for BERT-family checkpoints.
import { SPECIAL_IDS } from "./vocab.js";
import type { EncoderShape } from "./shapes.js";

export function tokenizerJson(vocab: Map<string, number>, uncased: boolean): object {
  const special = (name: keyof typeof SPECIAL_IDS) => ({ id: name, ids: [SPECIAL_IDS[name]], tokens: [name] });
  const seq = (id: "A" | "B", typeId: number) => ({ Sequence: { id, type_id: typeId } });
  const tok = (id: string, typeId: number) => ({ SpecialToken: { id, type_id: typeId } });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: Object.entries(SPECIAL_IDS).map(([content, id]) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: uncased },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [tok("[CLS]", 0), seq("A", 0), tok("[SEP]", 0)],
      pair: [tok("[CLS]", 0), seq("A", 0), tok("[SEP]", 0), seq("B", 1), tok("[SEP]", 1)],
      special_tokens: { "[CLS]": special("[CLS]"), "[SEP]": special("[SEP]") },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab),
    },
  };
}

export function tokenizerConfig(uncased: boolean, tokenizerClass: string, maxLength: number): object {
  return {
    clean_up_tokenization_spaces: true,
    cls_token: "[CLS]",
    do_lower_case: uncased,
    mask_token: "[MASK]",
    model_max_length: maxLength,
    pad_token: "[PAD]",
    sep_token: "[SEP]",
    strip_accents: null,
    tokenize_chinese_chars: true,
    tokenizer_class: tokenizerClass,
    unk_token: "[UNK]",
  };
}

export function bertConfig(shape: EncoderShape): object {
  return {
    architectures: ["BertModel"],
    attention_probs_dropout_prob: 0.1,
    hidden_act: "gelu",
    hidden_dropout_prob: 0.1,
    hidden_size: shape.hidden,
    initializer_range: 0.02,
    intermediate_size: shape.intermediate,
    layer_norm_eps: 1e-12,
    max_position_embeddings: shape.maxPositions,
    model_type: "bert",
    num_attention_heads: shape.heads,
    num_hidden_layers: shape.layers,
    pad_token_id: 0,
    position_embedding_type: "absolute",
    type_vocab_size: shape.typeVocab,
    vocab_size: shape.vocab,
  };
}

export function distilbertQaConfig(shape: EncoderShape): object {
  return {
    activation: "gelu",
    architectures: ["DistilBertForQuestionAnswering"],
    attention_dropout: 0.1,
    dim: shape.hidden,
    dropout: 0.1,
    hidden_dim: shape.intermediate,
    initializer_range: 0.02,
    max_position_embeddings: shape.maxPositions,
    model_type: "distilbert",
    n_heads: shape.heads,
    n_layers: shape.layers,
    output_past: true,
    pad_token_id: 0,
    qa_dropout: 0.1,
    seq_classif_dropout: 0.2,
    sinusoidal_pos_embds: false,
    tie_weights_: true,
    vocab_size: shape.vocab,
  };
}
