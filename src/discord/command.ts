// The shape of a command file and its check when loaded: a malformed command stops start-up and
// deploy-commands with a message naming it, instead of failing when somebody first uses it.
import {
  ApplicationCommandType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { InvalidCommandError } from "../errors.js";
import type { BotContext } from "./context.js";

interface CommandData {
  readonly name: string;
  toJSON(): RESTPostAPIApplicationCommandsJSONBody;
}

/** A slash command file: `export default { data, execute } satisfies Command`. */
export interface Command {
  data: CommandData;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

export interface MessageCommand {
  data: CommandData;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
}

export type AnyCommand = Command | MessageCommand;

const slashName = z.string().regex(/^[-_\p{Ll}\p{N}]{1,32}$/u, "must be 1–32 lower-case letters, digits, - or _");
const option: z.ZodType = z.lazy(() =>
  z.object({
    name: slashName,
    description: z.string().min(1).max(100),
    options: z.array(option).max(25).optional(),
  }),
);
const chatInput = z.object({
  type: z.literal(ApplicationCommandType.ChatInput).optional(),
  name: slashName,
  description: z.string().min(1).max(100),
  options: z.array(option).max(25).optional(),
});
const messageMenu = z.object({
  type: z.literal(ApplicationCommandType.Message),
  name: z.string().min(1).max(32),
});

export interface CommandRegistry {
  slash: Map<string, Command>;
  message: Map<string, MessageCommand>;
  /** What deploy-commands sends to Discord. */
  json: RESTPostAPIApplicationCommandsJSONBody[];
}

/** Checks each command's definition and indexes them by name; throws naming every problem. */
export function loadCommands(commands: unknown[]): CommandRegistry {
  const registry: CommandRegistry = { slash: new Map(), message: new Map(), json: [] };
  const problems: string[] = [];
  commands.forEach((command, i) => {
    const c = command as Partial<Command>;
    if (!c || typeof c.execute !== "function" || typeof c.data?.toJSON !== "function") {
      problems.push(`command #${i + 1}: needs { data, execute }`);
      return;
    }
    const json = c.data.toJSON();
    const isMessage = json.type === ApplicationCommandType.Message;
    const parsed = (isMessage ? messageMenu : chatInput).safeParse(json);
    if (!parsed.success) {
      problems.push(`${json.name}: ${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`);
      return;
    }
    const map: Map<string, unknown> = isMessage ? registry.message : registry.slash;
    if (map.has(json.name)) problems.push(`${json.name}: defined twice`);
    map.set(json.name, c);
    registry.json.push(json);
  });
  if (problems.length) throw new InvalidCommandError(`Invalid commands:\n  ${problems.join("\n  ")}`, { problems });
  return registry;
}
