// The import boundaries of eslint.config.js, checked on small sources placed (virtually) in each
// folder: each rule must refuse what ARCHITECTURE.md forbids and let through what it allows.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const eslint = new ESLint({ cwd: ROOT });

async function boundaryProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: path.join(ROOT, file) });
  return result!.messages
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax" || m.fatal)
    .map((m) => m.message);
}

const refused: Array<[string, string, string, RegExp]> = [
  ["a lower layer importing the core", "src/answer/x.ts", `import { createNewsdesk } from "../app.js";`, /src\/answer may import only/],
  [
    "retrieval importing answer (upward)",
    "src/retrieval/x.ts",
    `import { ask } from "../answer/ask.js";`,
    /src\/retrieval may import only/,
  ],
  ["summarize importing its peer answer", "src/summarize/x.ts", `import { cite } from "../answer/cite.js";`, /src\/summarize/],
  ["a type-only import upward", "src/search/x.ts", `import type { Newsdesk } from "../app.js";`, /src\/search may import only/],
  ["upward from a sub-folder", "src/knowledge/repair/x.ts", `import { searchBm25 } from "../../search/bm25.js";`, /src\/knowledge/],
  ["the core importing a face", "src/app.ts", `import { startBot } from "./discord/bot.js";`, /src\/app\.ts may import only/],
  ["a face importing another face", "src/cli/x.ts", `import { startBot } from "../discord/bot.js";`, /src\/cli may import only/],
  [
    "models importing a layer above it",
    "src/models/x.ts",
    `import type { TextSummarizer } from "../summarize/generated.js";`,
    /src\/models/,
  ],
  ["a layer below the core importing models", "src/search/x.ts", `import { resolveModels } from "../models/index.js";`, /src\/search/],
  ["src importing tools", "src/answer/x.ts", `import { evalSquad } from "../../tools/eval/squad.js";`, /never imports tools/],
  [
    "src importing test from a root file",
    "src/app.ts",
    `import { fixtureModelsDir } from "../test/helpers/fixture-models.js";`,
    /src\/app\.ts/,
  ],
  ["a dynamic import upward", "src/search/x.ts", `const app = await import("../app.js");`, /src\/search may import only/],
  ["transformers.js outside models", "src/search/x.ts", `import { pipeline } from "@huggingface/transformers";`, /only src\/models/],
  ["ONNX Runtime outside models", "src/answer/x.ts", `import * as ort from "onnxruntime-node";`, /only src\/models/],
  ["transformers.js imported dynamically", "src/app.ts", `const t = await import("@huggingface/transformers");`, /only src\/models/],
  ["discord.js in the core", "src/retrieval/x.ts", `import { Client } from "discord.js";`, /only src\/discord/],
  ["discord.js in the CLI", "src/cli/x.ts", `import { REST } from "@discordjs/rest";`, /only src\/discord/],
  ["process.env outside config", "src/cli/x.ts", `const level = process.env.LOG_LEVEL;`, /only src\/config reads process\.env/],
  ["process['env'] outside config", "src/service/x.ts", `const env = process["env"];`, /only src\/config/],
  ["env from node:process outside config", "src/search/x.ts", `import { env } from "node:process";`, /only src\/config/],
  ["a folder with no place in the layers", "src/elsewhere/x.ts", `import type { Article } from "../types.js";`, /no place in the layers/],
  [
    "the bot importing the models' door",
    "src/discord/x.ts",
    `import { resolveModels } from "../models/index.js";`,
    /src\/discord may import only/,
  ],
  [
    "tools importing test",
    "tools/bench/x.ts",
    `import { fixtureModelsDir } from "../../test/helpers/fixture-models.js";`,
    /never imports test/,
  ],
];

const allowed: Array<[string, string, string]> = [
  [
    "a layer importing below it",
    "src/answer/x.ts",
    `import { retrieve } from "../retrieval/retrieve.js";\nimport type { Article } from "../types.js";`,
  ],
  ["a file of its own folder", "src/answer/x.ts", `import { cite } from "./cite.js";`],
  ["the bot managing followed feeds", "src/discord/x.ts", `import { openFeeds } from "../ingest/index.js";`],
  ["a sub-folder reaching its parent folder", "src/knowledge/repair/x.ts", `import { splitSentences } from "../sentences.js";`],
  ["a sub-folder reaching a layer below", "src/knowledge/repair/x.ts", `import { terms } from "../../text/search-terms.js";`],
  [
    "the core importing models and answer",
    "src/app.ts",
    `import { resolveModels } from "./models/resolve-models.js";\nimport { ask } from "./answer/ask.js";`,
  ],
  [
    "models importing transformers.js",
    "src/models/x.ts",
    `import { pipeline } from "@huggingface/transformers";\nimport type { Config } from "../config/index.js";`,
  ],
  [
    "the bot importing discord.js and the core",
    "src/discord/x.ts",
    `import { Client } from "discord.js";\nimport { createNewsdesk } from "../app.js";`,
  ],
  ["the bot importing its service", "src/discord/x.ts", `import { startHealthServer } from "../service/health-server.js";`],
  ["the CLI importing ingest", "src/cli/x.ts", `import { openIngester } from "../ingest/open-ingester.js";`],
  ["config reading process.env", "src/config/x.ts", `const env = process.env;`],
  [
    "tools reading process.env and importing src",
    "tools/bench/x.ts",
    `import { createNewsdesk } from "../../src/app.js";\nconst n = process.env.N;`,
  ],
  [
    "tests importing tools and reading process.env",
    "test/unit/x.test.ts",
    `import { evalSquad } from "../../tools/eval/squad.js";\nconst n = process.env.N;`,
  ],
];

describe("import boundaries (eslint.config.js)", () => {
  it.each(refused)("refuses %s", async (_name, file, code, message) => {
    const problems = await boundaryProblems(file, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it.each(allowed)("allows %s", async (_name, file, code) => {
    expect(await boundaryProblems(file, code)).toEqual([]);
  });
});
