import { ApplicationCommandType, SlashCommandBuilder } from "discord.js";
import { describe, expect, it } from "vitest";
import { loadCommands } from "../../../src/discord/command.js";
import { InvalidCommandError } from "../../../src/errors.js";
import { commands } from "../../../src/discord/commands/index.js";

const execute = async () => undefined;

describe("loadCommands", () => {
  it("accepts the bot's commands, each as a slash command or a message menu by its own type", () => {
    const r = loadCommands(commands);
    // The names come from the command definitions themselves (commands/index.ts), never a copy.
    const byType = (message: boolean) =>
      commands
        .filter((c) => (c.data.toJSON().type === ApplicationCommandType.Message) === message)
        .map((c) => c.data.name)
        .sort();
    expect([...r.slash.keys()].sort()).toEqual(byType(false));
    expect([...r.message.keys()].sort()).toEqual(byType(true));
    expect(byType(true)).toContain("Ask Newsdesk");
    expect(r.json).toHaveLength(commands.length);
  });

  it("rejects a file without execute, a bad name, and a duplicate, naming each", () => {
    const good = { data: new SlashCommandBuilder().setName("ok").setDescription("fine"), execute };
    const badName = { data: { name: "Bad Name", toJSON: () => ({ name: "Bad Name", description: "d" }) }, execute };
    const load = () => loadCommands([good, good, badName, { data: good.data }]);
    expect(load).toThrow(InvalidCommandError);
    expect(load).toThrow(/ok: defined twice\n {2}Bad Name: name must be[^\n]*\n {2}command #4: needs \{ data, execute \}/);
  });
});
