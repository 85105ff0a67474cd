// Article text tokenised as text. transformers.js matches special-token strings anywhere in its
// input, so an article quoting "[SEP]" or "<mask>" would reach a model as a control token (BART's
// <mask> is even one id past its embedding table, which crashes ONNX Runtime). This runs the
// tokenizer's own normaliser, pre-tokeniser and model, but never its added-token matching; the
// special tokens a model needs are added by the caller, by id. Ids past the model's vocabulary
// become the unknown token rather than a crash.
import type { PreTrainedTokenizer } from "@huggingface/transformers";
import { ModelError } from "../errors.js";
import { tokenizeWithOffsets, type AlignedTokens, type TokenizerSteps } from "./token-offsets.js";

interface InnerTokenizer {
  normalizer: ((text: string) => string) | null;
  pre_tokenizer: ((text: string, options?: { section_index?: number }) => string[]) | null;
  model: ((words: string[]) => string[]) & {
    tokens_to_ids: Map<string, number>;
    unk_token?: string | null;
    unk_token_id?: number | null;
    continuing_subword_prefix?: string | null;
  };
}

export interface LiteralTokenizer {
  /** Ids of `text` with no special tokens added and none recognised in it. */
  ids(text: string): number[];
  /** Tokens, ids and the character range of each token in `text` (WordPiece-style tokenizers). */
  aligned(text: string): AlignedTokens & { ids: number[] };
  /** The ids a single sequence opens and closes with ([CLS] … [SEP], <s> … </s>). */
  open: number[];
  close: number[];
  padId: number;
}

export function literalTokenizer(tokenizer: PreTrainedTokenizer, modelId: string, vocabSize?: number): LiteralTokenizer {
  const inner = (tokenizer as unknown as { _tokenizer?: InnerTokenizer })._tokenizer;
  if (!inner || typeof inner.model !== "function" || !(inner.model.tokens_to_ids instanceof Map))
    throw new ModelError(`The tokenizer of ${modelId} does not expose its steps (transformers.js changed?)`, { modelId });
  const { model } = inner;
  const normalize = inner.normalizer ?? ((s: string) => s);
  const preTokenize = inner.pre_tokenizer ? (s: string) => inner.pre_tokenizer!(s, { section_index: 0 }) : (s: string) => [s];
  const unkId = model.unk_token_id ?? tokenizer.unk_token_id ?? 0;
  const limit = vocabSize ?? Infinity;
  const toId = (token: string) => {
    const id = model.tokens_to_ids.get(token);
    return id === undefined || id >= limit ? unkId : id;
  };
  const tokensOf = (text: string) => (text === "" ? [] : model(preTokenize(normalize(text))));
  const steps: TokenizerSteps = {
    normalize,
    preTokenize,
    tokenizeWord: (word) => model([word]),
    unkToken: model.unk_token ?? tokenizer.unk_token ?? "[UNK]",
    continuingPrefix: model.continuing_subword_prefix ?? "##",
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
    padId: tokenizer.pad_token_id ?? 0,
  };
}
