// The files a text model needs in the Hugging Face layout, and a check that a folder has them
// intact enough to try loading: present, non-empty, JSON that parses.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ModelError } from "../errors.js";

export type ModelDtype = "q8" | "fp32" | "fp16" | "q4";

const DTYPES: ModelDtype[] = ["q8", "fp32", "fp16", "q4"];

/** An encoder with one graph (embedder, QA) or an encoder-decoder with two (summariser). */
export type ModelKind = "encoder" | "seq2seq";

/** The ONNX file name transformers.js asks for at a dtype (`base`: the session's file stem). */
export function onnxFileFor(dtype: ModelDtype, base = "model"): string {
  return dtype === "q8" ? `${base}_quantized.onnx` : dtype === "fp32" ? `${base}.onnx` : `${base}_${dtype}.onnx`;
}

/** Paths relative to the model's folder. */
export function requiredFiles(dtype: ModelDtype, kind: ModelKind = "encoder"): string[] {
  const graphs = kind === "seq2seq" ? ["encoder_model", "decoder_model_merged"] : ["model"];
  return ["config.json", "tokenizer.json", "tokenizer_config.json", ...graphs.map((g) => `onnx/${onnxFileFor(dtype, g)}`)];
}

export function modelDir(root: string, modelId: string): string {
  return path.join(root, ...modelId.split("/"));
}

/** True when every required file exists (no parsing): used to decide "already cached". */
export async function hasModelFiles(root: string, modelId: string, dtype: ModelDtype, kind: ModelKind = "encoder"): Promise<boolean> {
  const sizes = await Promise.all(
    requiredFiles(dtype, kind).map((f) =>
      stat(path.join(modelDir(root, modelId), f)).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  return sizes.every((size) => size > 0);
}

/** Throws a ModelError naming the first missing, empty or unparsable file. */
export async function checkModelFiles(root: string, modelId: string, dtype: ModelDtype, kind: ModelKind = "encoder"): Promise<void> {
  const dir = modelDir(root, modelId);
  for (const file of requiredFiles(dtype, kind)) {
    const full = path.join(dir, file);
    const size = await stat(full).then(
      (s) => s.size,
      () => -1,
    );
    if (size < 0) throw new ModelError(`Model file missing: ${full}`, { modelId, file: full });
    if (size === 0) throw new ModelError(`Model file is empty: ${full}`, { modelId, file: full });
    if (file.endsWith(".json")) {
      try {
        JSON.parse(await readFile(full, "utf8"));
      } catch (error) {
        throw new ModelError(`Model file is not valid JSON: ${full}`, { modelId, file: full }, { cause: error });
      }
    }
  }
}

/**
 * The dtype to load from a local folder: the wanted one when its graphs are there, else the one
 * whose graphs are (a folder holding only fp32 or only q8 files works whatever MODEL_DTYPE says).
 * A wanted graph that is there but broken is not replaced. When no dtype is complete, throws the ModelError of the wanted one, which names the missing file
 * and the setting.
 */
export async function dtypeInFolder(root: string, modelId: string, wanted: ModelDtype, kind: ModelKind = "encoder"): Promise<ModelDtype> {
  // Any of the wanted graphs on disk (even empty or cut short) means this dtype was meant: a
  // broken file is reported, not quietly replaced by another dtype's.
  const wantedGraphs = requiredFiles(wanted, kind).filter((f) => f.startsWith("onnx/"));
  const exists = await Promise.all(
    wantedGraphs.map((f) =>
      stat(path.join(modelDir(root, modelId), f)).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (exists.some(Boolean)) return wanted;
  for (const dtype of DTYPES) if (dtype !== wanted && (await hasModelFiles(root, modelId, dtype, kind))) return dtype;
  try {
    await checkModelFiles(root, modelId, wanted, kind);
  } catch (error) {
    if (!(error instanceof ModelError) || !String(error.context.file ?? "").endsWith(".onnx")) throw error;
    throw new ModelError(
      `${error.message} (MODEL_DTYPE=${wanted} needs ${wantedGraphs.join(" and ")}; no other dtype's files are complete either: ` +
        `put the files there, or set MODEL_DTYPE to the dtype you have)`,
      error.context,
      { cause: error },
    );
  }
  return wanted;
}
