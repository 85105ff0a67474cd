import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Model tests start ONNX Runtime sessions; two workers suit a 2-core machine.
    maxWorkers: 2,
  },
});
