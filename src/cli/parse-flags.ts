import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Common flags of every command: where the articles are, where models are, lexical only. */
export const COMMON_FLAGS = {
  knowledge: { type: "string" },
  models: { type: "string" },
  lexical: { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/**
 * `--sentences -1` would be refused by parseArgs as "ambiguous" (the value looks like a flag); a
 * value that looks like a number is taken as the value, so the command can say what is wrong with it.
 */
function joinNumericValues(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    const next = argv[i + 1];
    if (name !== undefined && options[name]?.type === "string" && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function parseFlags<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: joinNumericValues(argv, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Config overrides from the common flags. */
export function configOverrides(values: { knowledge?: unknown; models?: unknown; lexical?: unknown }): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof values.knowledge === "string") out.KNOWLEDGE_DIR = values.knowledge;
  if (typeof values.models === "string") out.LOCAL_MODELS_DIR = values.models;
  if (values.lexical === true) out.ANSWER_MODE = "lexical";
  return out;
}
