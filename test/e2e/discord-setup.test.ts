// Set-up as a server owner meets it: ask channels with the Message Content intent, and the two
// start-up failures people can fix (a wrong token, the intent not switched on in the portal).
import { afterEach, describe, expect, it } from "vitest";
import { startBot } from "../../src/discord/bot.js";
import { explainStartFailure } from "../../src/service/startup-config.js";
import { silentLogger } from "../../src/log.js";
import { FakeDiscord } from "./fake-discord/fake-discord.js";
import { INTENTS } from "./fake-discord/gateway.js";
import { ASK_CHANNEL_ID, TOKEN } from "./fake-discord/world.js";
import { embedOf, sleep, startHarness, type Harness } from "./harness.js";
import { HAFTAR, createNewsdeskDouble } from "./newsdesk-double.js";

let h: Harness | undefined;
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await h?.stop();
  await fake?.close();
  h = fake = undefined;
});

const settings = { askChannels: [ASK_CHANNEL_ID], cooldownSeconds: 0, queueConcurrency: 1, queueMaxWaiting: 5 };

describe("ask channels", () => {
  it("answer every question there, and only questions, with the Message Content intent", async () => {
    h = await startHarness(createNewsdeskDouble(), { askChannels: [ASK_CHANNEL_ID] });
    expect(h.fake.gateway.intents & INTENTS.messageContent).toBeTruthy();
    const question = h.fake.post({ content: "Who accompanied Haftar?", channelId: ASK_CHANNEL_ID });
    const chatter = h.fake.post({ content: "great article, thanks", channelId: ASK_CHANNEL_ID });
    const elsewhere = h.fake.post({ content: "Who accompanied Haftar?" });
    expect(embedOf(await h.fake.replyTo(question.id)).title).toBe(HAFTAR.title);
    await sleep(150);
    const answered = h.fake.channelMessages.map((m) => m.message_reference?.message_id);
    expect(answered).not.toContain(chatter.id);
    expect(answered).not.toContain(elsewhere.id);
    expect(h.fake.allProblems()).toEqual([]);
  });
});

describe("start-up failures", () => {
  it("explains the Message Content intent when the portal has it off", async () => {
    fake = await FakeDiscord.start();
    fake.gateway.allowMessageContent = false;
    const start = startBot({ ...settings, token: TOKEN, api: fake.api }, createNewsdeskDouble(), silentLogger);
    await expect(start).rejects.toThrow(/disallowed intents/i);
    const error = await start.catch((e: unknown) => e);
    expect(explainStartFailure(error)).toMatch(/Message Content intent[\s\S]*README\.md/);
  });

  it("explains a token Discord rejects", async () => {
    fake = await FakeDiscord.start();
    const start = startBot(
      { ...settings, askChannels: [], token: "wrong.token.here", api: fake.api },
      createNewsdeskDouble(),
      silentLogger,
    );
    const error = await start.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(explainStartFailure(error)).toMatch(/Discord rejected DISCORD_TOKEN[\s\S]*README\.md/);
  });
});
