// Question + passage inputs for an extractive QA model: [CLS] question [SEP] passage [SEP], with the
// passage cut into overlapping windows when the pair is longer than the model takes. Pure.

export interface QaWindow {
  inputIds: number[];
  tokenTypeIds: number[];
  /** Position in `inputIds` of the first passage token. */
  contextStart: number;
  /** The passage tokens this window holds, as [tokenFrom, tokenTo) into the passage's tokens. */
  tokenFrom: number;
  tokenTo: number;
}

export interface WindowOptions {
  clsId: number;
  sepId: number;
  /** Total tokens per window, specials included (SQuAD pipelines use 384). */
  maxLength: number;
  /** Passage tokens shared by consecutive windows (SQuAD pipelines use 128). */
  stride: number;
  /** Question tokens kept (the rest are dropped). */
  maxQuestionTokens: number;
}

export const DEFAULT_WINDOW_OPTIONS: Omit<WindowOptions, "clsId" | "sepId"> = {
  maxLength: 384,
  stride: 128,
  maxQuestionTokens: 64,
};

export function buildWindows(questionIds: number[], passageIds: number[], options: WindowOptions): QaWindow[] {
  const question = questionIds.slice(0, options.maxQuestionTokens);
  const room = options.maxLength - question.length - 3;
  if (room < 1) throw new RangeError(`maxLength ${options.maxLength} leaves no room for the passage`);
  const step = Math.max(1, room > options.stride ? room - options.stride : Math.ceil(room / 2));
  const head = [options.clsId, ...question, options.sepId];
  const windows: QaWindow[] = [];
  for (let from = 0; ; from += step) {
    const to = Math.min(passageIds.length, from + room);
    const body = passageIds.slice(from, to);
    windows.push({
      inputIds: [...head, ...body, options.sepId],
      tokenTypeIds: [...head.map(() => 0), ...body.map(() => 1), 1],
      contextStart: head.length,
      tokenFrom: from,
      tokenTo: to,
    });
    if (to >= passageIds.length) break;
  }
  return windows;
}
