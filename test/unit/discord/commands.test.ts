import { SlashCommandBuilder } from "discord.js";
import { describe, expect, it } from "vitest";
import { loadCommands } from "../../../src/discord/command.js";
import { InvalidCommandError } from "../../../src/errors.js";
import { commands } from "../../../src/discord/commands/index.js";

const execute = async () => undefined;

describe("loadCommands", () => {
  it("accepts the bot's commands: nine slash commands and one message menu", () => {
    const r = loadCommands(commands);
    expect([...r.slash.keys()].sort()).toEqual([
      "articles",
      "ask",
      "feeds",
      "follow",
      "reindex",
      "source",
      "status",
      "summary",
      "unfollow",
    ]);
    expect([...r.message.keys()]).toEqual(["Ask Newsdesk"]);
    expect(r.json).toHaveLength(10);
  });

  it("rejects a file without execute, a bad name, and a duplicate, naming each", () => {
    const good = { data: new SlashCommandBuilder().setName("ok").setDescription("fine"), execute };
    const badName = { data: { name: "Bad Name", toJSON: () => ({ name: "Bad Name", description: "d" }) }, execute };
    const load = () => loadCommands([good, good, badName, { data: good.data }]);
    expect(load).toThrow(InvalidCommandError);
    expect(load).toThrow(/ok: defined twice\n {2}Bad Name: name must be[^\n]*\n {2}command #4: needs \{ data, execute \}/);
  });
});
