// Loads a tokenizer and an ONNX model through transformers.js from a ModelSource, turning every
// failure into a ModelError that names the model and, for a local folder, the file at fault.
import { availableParallelism } from "node:os";
import path from "node:path";
import {
  AutoModel,
  AutoModelForQuestionAnswering,
  AutoModelForSeq2SeqLM,
  AutoTokenizer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from "@huggingface/transformers";
import { ModelError } from "../errors.js";
import { checkModelFiles, dtypeInFolder, modelDir, onnxFileFor, type ModelDtype } from "./model-files.js";
import type { ProgressInfo } from "./progress.js";
import { useModelSource, type ModelSource } from "./transformers-env.js";

export interface ModelLoadOptions {
  modelId: string;
  dtype: ModelDtype;
  source: ModelSource;
  /** Called with download progress (remote sources only report). */
  onProgress?: (info: ProgressInfo) => void;
  /** ONNX Runtime intra-op threads; defaults to the machine's cores. */
  threads?: number;
}

export interface LoadedModel {
  tokenizer: PreTrainedTokenizer;
  model: PreTrainedModel;
  /** The dtype loaded: the asked one, or the one a local folder holds when it holds only that. */
  dtype: ModelDtype;
}

function describe(options: ModelLoadOptions, file: string): string {
  return options.source.kind === "local" ? path.join(modelDir(options.source.dir, options.modelId), file) : `${options.modelId}/${file}`;
}

function failure(what: string, options: ModelLoadOptions, file: string, cause: unknown): ModelError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const target = describe(options, file);
  return new ModelError(`Cannot load ${what} ${target}: ${reason}`, { modelId: options.modelId, file: target }, { cause });
}

export type LoadTask = "feature-extraction" | "question-answering" | "summarization";

/** The graph file(s) a failure is reported against. */
function onnxFiles(task: LoadTask, dtype: ModelDtype): string {
  if (task !== "summarization") return `onnx/${onnxFileFor(dtype)}`;
  return `onnx/${onnxFileFor(dtype, "encoder_model")} or onnx/${onnxFileFor(dtype, "decoder_model_merged")}`;
}

export async function loadPretrained(task: LoadTask, asked: ModelLoadOptions): Promise<LoadedModel> {
  useModelSource(asked.source);
  const kind = task === "summarization" ? "seq2seq" : "encoder";
  let options = asked;
  if (asked.source.kind === "local") {
    options = { ...asked, dtype: await dtypeInFolder(asked.source.dir, asked.modelId, asked.dtype, kind) };
    await checkModelFiles(asked.source.dir, asked.modelId, options.dtype, kind);
  }
  const common = { progress_callback: options.onProgress };
  let tokenizer: PreTrainedTokenizer;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(options.modelId, common);
  } catch (error) {
    throw failure("tokenizer", options, "tokenizer.json", error);
  }
  const threads = options.threads ?? availableParallelism();
  const modelOptions = {
    ...common,
    dtype: options.dtype,
    device: "cpu" as const,
    session_options: { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: "all" as const },
  };
  try {
    const Auto =
      task === "question-answering" ? AutoModelForQuestionAnswering : task === "summarization" ? AutoModelForSeq2SeqLM : AutoModel;
    const model = await Auto.from_pretrained(options.modelId, modelOptions);
    return { tokenizer, model, dtype: options.dtype };
  } catch (error) {
    throw failure("model", options, onnxFiles(task, options.dtype), error);
  }
}
