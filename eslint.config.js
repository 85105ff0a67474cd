// ESLint flat config: the recommended JavaScript and TypeScript rules (none type-aware, so a full run
// takes seconds), plus the house's import boundaries, generated per folder of src/ from LAYERS below.
// ARCHITECTURE.md ("Layers") explains them; this file is what holds them.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

// What each folder (or root file) of src/ may import from src/, besides itself. Anything not
// listed is refused, so a new folder cannot be imported until it has its place here.
const BASE = ["errors", "types", "log", "closest-ids"];
const BELOW_CORE = ["config", "text", "knowledge", "search", "retrieval", "answer", "conversation", "summarize"];
const LAYERS = {
  // errors.ts, types.ts, log.ts, closest-ids.ts: the base every layer stands on.
  base: { folder: ".", files: ["errors", "types", "log", "closest-ids"], may: BASE },
  config: { may: BASE },
  text: { may: BASE },
  knowledge: { may: [...BASE, "text"] },
  search: { may: [...BASE, "text", "knowledge"] },
  retrieval: { may: [...BASE, "text", "knowledge", "search"] },
  answer: { may: [...BASE, "text", "knowledge", "search", "retrieval"] },
  summarize: { may: [...BASE, "text", "knowledge", "search", "retrieval"] },
  // Follow-up questions: rules over the answer layer's tagged words, a lean handed to retrieval.
  conversation: { may: [...BASE, "text", "knowledge", "search", "retrieval", "answer"] },
  // The side door to transformers.js sees only the base and the settings. The layers below the core
  // never import it: they take an Embedder / Reader / TextSummarizer from src/types.ts.
  models: { may: [...BASE, "config"] },
  // Pages, sitemaps and feeds into the knowledge folder: network I/O that only the core and the CLI reach.
  ingest: { may: [...BASE, "config", "text", "knowledge"] },
  app: { folder: ".", files: ["app"], may: [...BASE, ...BELOW_CORE, "models", "ingest"] },
  cli: { may: [...BASE, ...BELOW_CORE, "models", "ingest", "app"] },
  // Scale-out over Redis (queue, registry, shared cooldown, reindex fan-out): may use what the core may.
  scale: { may: [...BASE, ...BELOW_CORE, "models", "ingest"] },
  // Process concerns (signals, health, the folder watch handed to the core): the watch asks
  // knowledge/ which files are articles.
  service: { may: [...BASE, "config", "knowledge", "app", "scale"] },
  // The bot face also manages followed feeds (/follow, /feeds, announcements).
  discord: { may: [...BASE, ...BELOW_CORE, "ingest", "app", "service", "scale"] },
  // The answer worker process (npm run worker): the Discord face's other half. It answers through the
  // core, takes work from Redis, and renders and delivers replies as the bot does.
  worker: { may: [...BASE, "config", "app", "scale", "service", "discord"] },
};

// Packages only one folder may import.
const OWNED_PACKAGES = [
  {
    owners: ["models"],
    names: ["@huggingface/transformers", "onnxruntime-node", "onnxruntime-common"],
    why: "only src/models imports transformers.js and ONNX Runtime",
  },
  {
    owners: ["discord", "worker"],
    names: ["discord.js", "@discordjs/*"],
    why: "the core knows nothing of Discord: only src/discord (and the answer worker, which delivers to Discord) imports discord.js",
  },
];

const PROCESS_ENV = "only src/config reads process.env: take the setting from the Config passed down from loadConfig()";

// process.env and process["env"].
const ENV_SELECTORS = [
  "MemberExpression[object.name='process'][property.name='env']",
  "MemberExpression[object.name='process'][property.value='env']",
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// esquery's regex literals cannot hold a "/", so selectors spell it \u002F.
const importExpression = (regex) => `ImportExpression[source.value=/${regex.replaceAll("/", "\\u002F")}/]`;

// A relative specifier that climbs to src/ (`depth` levels up) and goes anywhere but `allowed`:
// from src/answer/ask.ts (depth 1) "../retrieval/retrieve.js" is checked against "retrieval";
// "./cite.js" and, from src/knowledge/repair/, "../sentences.js" stay inside the folder.
const outside = (depth, allowed) => {
  const elsewhere = `(?!(?:${allowed.map(escape).join("|")})(?:/|\\.js$))`;
  return depth === 0 ? `^(?:\\./${elsewhere}|\\.\\./)` : `^(?:\\.\\./){${depth}}${elsewhere}`;
};

function boundaries(layer, { folder = layer, files, may }) {
  const allowed = folder === "." ? may : [...may, layer];
  const why = `src/${folder === "." ? `${layer}.ts` : layer} may import only ${may.join(", ")} of src/ (ARCHITECTURE.md, "Layers")`;
  const packages = OWNED_PACKAGES.filter((p) => !p.owners.includes(layer));
  // One entry per depth below src/, as the number of "../" to src/ differs.
  const depths =
    folder === "." ? [[0, files.map((f) => `src/${f}.ts`)]] : [1, 2, 3].map((d) => [d, [`src/${layer}/${"*/".repeat(d - 1)}*.ts`]]);
  return depths.map(([depth, globs]) => ({
    name: `newsdesk/boundaries/${layer}/${depth}`,
    files: globs,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths:
            layer === "config" ? [] : ["process", "node:process"].map((name) => ({ name, importNames: ["env"], message: PROCESS_ENV })),
          patterns: [
            { regex: outside(depth, allowed), message: `${why}; src/ never imports tools/ or test/` },
            ...packages.map((p) => ({ group: p.names, message: p.why })),
          ],
        },
      ],
      // no-restricted-imports does not see import(): the same specifiers are refused here.
      "no-restricted-syntax": [
        "error",
        { selector: importExpression(outside(depth, allowed)), message: why },
        ...packages.flatMap((p) =>
          p.names.map((n) => ({ selector: importExpression(`^${escape(n).replace("\\*", ".*")}$`), message: p.why })),
        ),
        ...(layer === "config" ? [] : ENV_SELECTORS.map((selector) => ({ selector, message: PROCESS_ENV }))),
      ],
    },
  }));
}

export default defineConfig(
  globalIgnores(["dist/", ".newsdesk/", "bench-out/", "coverage/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Plain JavaScript that Node runs as is (the bin launcher, this config).
    name: "newsdesk/node-scripts",
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    name: "newsdesk/all",
    rules: {
      // `_`-prefixed names are unused on purpose (a field destructured away, a required parameter).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // A `let` read by a closure before its one assignment (a shutdown handler registered before start-up
      // finishes) cannot be a `const` declared later: the handler would meet it in its temporal dead zone.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      // The code matches control characters on purpose (stripping them from replies, an ASCII test);
      // a regex that does so by accident is not a mistake this project has made.
      "no-control-regex": "off",
    },
  },
  {
    // A file of src/ whose folder has no place in LAYERS: every relative import is refused until it has.
    name: "newsdesk/boundaries/unplaced",
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^\\.\\.?/", message: "this folder of src/ has no place in the layers of eslint.config.js: add it there" }] },
      ],
      "no-restricted-syntax": ["error", ...ENV_SELECTORS.map((selector) => ({ selector, message: PROCESS_ENV }))],
    },
  },
  ...Object.entries(LAYERS).flatMap(([layer, spec]) => boundaries(layer, spec)),
  {
    name: "newsdesk/tools",
    files: ["tools/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ regex: "^(?:\\.\\./)+test/", message: "tools/ never imports test/" }] }] },
  },
  {
    // The fake Discord and its tests handle raw gateway and REST JSON, which is untyped by nature.
    name: "newsdesk/e2e",
    files: ["test/e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
