// This machine's matrix-multiply peak, measured with the kernels the models run on: one linear
// layer (the generator's own `linear`, so fp32 MatMul or q8 DynamicQuantizeLinear → MatMulInteger)
// in ONNX Runtime with the models' thread settings. The efficiency of a model run is its achieved
// GFLOP/s against this figure.
import { availableParallelism } from "node:os";
import * as ort from "onnxruntime-node";
import { linear } from "../generate/encoder-layers.js";
import { createRandom } from "../generate/random.js";
import { GraphBuilder } from "../generate/onnx/graph-builder.js";
import { DataType } from "../generate/onnx/onnx-proto.js";
import { median } from "./percentiles.js";

export interface ProbeOptions {
  dtype: "fp32" | "q8";
  /** [rows, inner] × [inner, cols]; defaults to a QA feed-forward layer over a 384-token window. */
  rows?: number;
  inner?: number;
  cols?: number;
  runs?: number;
  threads?: number;
}

export interface ProbeResult {
  dtype: "fp32" | "q8";
  shape: [number, number, number];
  threads: number;
  median_ms: number;
  /** From the fastest run: a peak is what the machine can do, and other processes only slow runs down. */
  gflops: number;
  median_gflops: number;
}

function probeGraph(dtype: "fp32" | "q8", inner: number, cols: number): Uint8Array {
  const g = new GraphBuilder("matmul_probe");
  const x = g.input("x", DataType.FLOAT, ["rows", inner]);
  const y = linear({ g, random: createRandom(1), q8: dtype === "q8" }, x, inner, cols, "probe");
  g.op1("Identity", [y], {}, "y");
  g.output("y", DataType.FLOAT, ["rows", cols]);
  return g.encode(17, "newsdesk-bench");
}

export async function probeMatmul(options: ProbeOptions): Promise<ProbeResult> {
  const { dtype, rows = 384, inner = 768, cols = 3072, runs = 40 } = options;
  const threads = options.threads ?? availableParallelism();
  const session = await ort.InferenceSession.create(probeGraph(dtype, inner, cols), {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
  });
  try {
    const random = createRandom(2);
    const input = new ort.Tensor(
      "float32",
      Float32Array.from({ length: rows * inner }, () => random() - 0.5),
      [rows, inner],
    );
    const times: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const t = performance.now();
      await session.run({ x: input });
      if (i >= 3) times.push(performance.now() - t); // the first runs warm caches and thread pools
    }
    const flops = 2 * rows * inner * cols;
    const ms = median(times);
    return {
      dtype,
      shape: [rows, inner, cols],
      threads,
      median_ms: ms,
      gflops: flops / (Math.min(...times) * 1e6),
      median_gflops: flops / (ms * 1e6),
    };
  } finally {
    await session.release();
  }
}
