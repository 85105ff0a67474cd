// The files a text model needs in the Hugging Face layout, and a check that a folder has them
// intact enough to try loading: present, non-empty, JSON that parses.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ModelError } from "../errors.js";

export type ModelDtype = "q8" | "fp32" | "fp16" | "q4";

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
