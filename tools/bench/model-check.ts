// Checks that the generated default-shape models match the published ones: ONNX file size and
// transformer layer count (one attention Softmax per layer, counted in the graph itself).
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { EMBEDDER_ID, QA_ID } from "../generate/shapes.js";
import { modelDir, onnxFileFor } from "../../src/models/model-files.js";
import { onnxModelType } from "../generate/onnx/onnx-proto.js";
import type { BenchDtype } from "./bench-models.js";

/** Published sizes (Hugging Face file listings, MB = 10⁶ bytes) and layer counts of the defaults. */
export const PUBLISHED: Record<string, { layers: number; mb: Record<BenchDtype, number> }> = {
  [EMBEDDER_ID]: { layers: 12, mb: { q8: 34, fp32: 133 } },
  [QA_ID]: { layers: 6, mb: { q8: 65, fp32: 261 } },
};

export interface ModelCheck {
  modelId: string;
  file: string;
  mb: number;
  published_mb: number;
  layers: number;
  published_layers: number;
  /** Size within 5% of the published file and the same number of layers. */
  matches: boolean;
}

/** Attention layers in an ONNX graph: each self-attention has exactly one Softmax. */
export function countAttentionLayers(onnxBytes: Uint8Array): number {
  const model = onnxModelType().decode(onnxBytes) as unknown as { graph: { node: Array<{ op_type: string }> } };
  return model.graph.node.filter((n) => n.op_type === "Softmax").length;
}

export function compareToPublished(modelId: string, dtype: BenchDtype, bytes: number, layers: number): Omit<ModelCheck, "file"> {
  const published = PUBLISHED[modelId];
  if (!published) throw new RangeError(`no published figures for ${modelId}`);
  const mb = bytes / 1e6;
  const publishedMb = published.mb[dtype];
  return {
    modelId,
    mb: Math.round(mb * 10) / 10,
    published_mb: publishedMb,
    layers,
    published_layers: published.layers,
    matches: Math.abs(mb - publishedMb) / publishedMb <= 0.05 && layers === published.layers,
  };
}

export async function checkBenchModels(dir: string, dtype: BenchDtype): Promise<ModelCheck[]> {
  const out: ModelCheck[] = [];
  for (const modelId of [EMBEDDER_ID, QA_ID]) {
    const file = path.join(modelDir(dir, modelId), "onnx", onnxFileFor(dtype));
    const { size } = await stat(file);
    const layers = countAttentionLayers(await readFile(file));
    out.push({ ...compareToPublished(modelId, dtype, size, layers), file });
  }
  return out;
}
