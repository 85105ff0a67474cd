import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelError } from "../../../src/errors.js";
import { silentLogger } from "../../../src/log.js";
import { summaryModel, type SummaryModelSettings } from "../../../src/models/summary-model.js";
import { tokenBudget } from "../../../src/models/summarizer.js";

describe("tokenBudget", () => {
  it.each([
    // maxWords, cap, minShare → max, min
    [75, 142, 0.4, 98, 39],
    [500, 142, 0.4, 142, 57],
    [1, 142, 0.4, 8, 3],
    [20, 142, 1, 26, 25],
  ])("%i words (cap %i, min share %f) → at most %i and at least %i new tokens", (words, cap, share, max, min) => {
    expect(tokenBudget(words, cap, share)).toEqual({ max, min });
  });
});

describe("summaryModel", () => {
  let root: string;
  let closedPort: number;
  let server: Server;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "newsdesk-summary-model-"));
    // A port that refuses connections at once: listen, note it, close.
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closedPort = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const settings = (overrides: Partial<SummaryModelSettings>): SummaryModelSettings => ({
    SUMMARY_MODEL: "Xenova/distilbart-cnn-6-6",
    MODEL_DTYPE: "q8",
    LOCAL_MODELS_DIR: undefined,
    CACHE_DIR: path.join(root, "cache"),
    MODEL_NETWORK_TIMEOUT_MS: 2000,
    MODEL_HUB_URL: `http://127.0.0.1:${closedPort}`,
    ...overrides,
  });

  it("is a ModelError naming the missing file in a local folder without the model", async () => {
    const model = summaryModel(settings({ LOCAL_MODELS_DIR: root }), silentLogger);
    await expect(model.get()).rejects.toThrow(ModelError);
    await expect(model.get()).rejects.toThrow(/distilbart-cnn-6-6.*config\.json/);
    await model.dispose();
  });

  it("is a ModelError, without waiting, when the model is not cached and the hub is unreachable", async () => {
    const model = summaryModel(settings({}), silentLogger);
    await expect(model.get()).rejects.toThrow(/not available: model hub unreachable/);
    await model.dispose();
  });
});
