import { describe, expect, it } from "vitest";
import {
  answerConversation,
  newConversation,
  personConversation,
  privateConversation,
  threadConversation,
} from "../../../src/discord/conversation-key.js";

const here = { guildId: "100", channelId: "200" };

describe("conversation keys", () => {
  it("name the server and the channel, so no two places share one", () => {
    const a = newConversation(here, "7").key;
    expect(newConversation({ guildId: "101", channelId: "200" }, "7").key).not.toBe(a);
    expect(newConversation({ guildId: "100", channelId: "201" }, "7").key).not.toBe(a);
    expect(answerConversation(here, "q7")).toEqual({ key: a, followUpId: "q7" });
  });

  it("a person's ask-channel questions are theirs; a private reply's key no button id can name", () => {
    expect(personConversation(here, "1", 5000)).toEqual({ key: "discord:100:200:u1", withinMs: 5000, followUpId: "u1" });
    expect(personConversation(here, "2", 5000).key).not.toBe(personConversation(here, "1", 5000).key);
    const secret = privateConversation(here, "1", 5000);
    expect(secret.followUpId).toBeUndefined();
    expect(secret.key).not.toBe(answerConversation(here, "u1").key);
  });

  it("a thread has its own key and starts from its answer's conversation", () => {
    expect(threadConversation("100", "300", { channelId: "200", conversationId: "q7" })).toEqual({
      key: "discord:100:300:thread",
      continueFrom: newConversation(here, "7").key,
    });
  });
});
