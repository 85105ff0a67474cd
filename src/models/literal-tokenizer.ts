// Article text tokenised as text. transformers.js matches special-token strings anywhere in its
// input, so an article quoting "[SEP]" or "<mask>" would reach a model as a control token (BART's
// <mask> is even one id past its embedding table, which crashes ONNX Runtime). This runs the
// tokenizer's own normaliser, pre-tokeniser and model (the `_tokenizer` transformers.js declares in
// its types), but never its added-token matching; the special tokens a model needs are added by
// the caller, by id. Ids past the model's vocabulary become the unknown token rather than a crash.
import type { PreTrainedTokenizer } from "@huggingface/transformers";
import { ModelError } from "../errors.js";
import { tokenizeWithOffsets, type AlignedTokens, type TokenizerSteps } from "./token-offsets.js";

export interface LiteralTokenizer {
  /** Ids of `text` with no special tokens added and none recognised in it. */
  ids(text: string): number[];
  /** Tokens, ids and the character range of each token in `text` (WordPiece-style tokenizers). */
  aligned(text: string): AlignedTokens & { ids: number[] };
  /** The ids a single sequence opens and closes with ([CLS] … [SEP], <s> … </s>). */
  open: number[];
  close: number[];
}

export function literalTokenizer(tokenizer: PreTrainedTokenizer, modelId: string, vocabSize?: number): LiteralTokenizer {
  const inner = tokenizer._tokenizer;
  const model = inner?.model;
  if (!model || !(model.tokens_to_ids instanceof Map))
    throw new ModelError(`The tokenizer of ${modelId} does not expose its steps (transformers.js changed?)`, { modelId });
  const { normalizer, pre_tokenizer: preTokenizer } = inner;
  const normalize = (text: string) => (normalizer ? normalizer.normalize(text) : text);
  const preTokenize = (text: string) => (preTokenizer ? preTokenizer.pre_tokenize(text, { section_index: 0 }) : [text]);
  const unkId = model.unk_token_id ?? tokenizer.unk_token_id ?? 0;
  const limit = vocabSize ?? Infinity;
  const toId = (token: string) => {
    const id = model.tokens_to_ids.get(token);
    return id === undefined || id >= limit ? unkId : id;
  };
  const tokensOf = (text: string) => (text === "" ? [] : model(preTokenize(normalize(text))));
  const prefix = (model.config as { continuing_subword_prefix?: string | null }).continuing_subword_prefix;
  const steps: TokenizerSteps = {
    normalize,
    preTokenize,
    tokenizeWord: (word) => model([word]),
    unkToken: model.unk_token ?? tokenizer.unk_token ?? "[UNK]",
    continuingPrefix: prefix ?? "##",
  };
  // The tokenizer's own template around an empty text gives its opening and closing ids.
  const empty = tokenizer.encode("");
  const half = Math.ceil(empty.length / 2);
  return {
    ids: (text) => tokensOf(text).map(toId),
    aligned(text) {
      const result = tokenizeWithOffsets(text, steps);
      return { ...result, ids: result.tokens.map(toId) };
    },
    open: empty.slice(0, half),
    close: empty.slice(half),
  };
}
