// Channel replies sent side by side. discord.js sends the requests of one route and channel one at
// a time, so with slow REST ten mentions in a channel were answered one after another. Each lane is
// its own REST client (own queue); a reply takes an idle lane, opening one while under `max`. Each
// lane still honours Discord's rate-limit headers and 429s.
import { REST, Routes, type Client, type RESTPostAPIChannelMessageJSONBody } from "discord.js";

export interface ReplyLanes {
  post(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<unknown>;
  readonly size: number;
}

interface Lane {
  rest: REST;
  busy: number;
}

export function createReplyLanes(client: Client, max = 8): ReplyLanes {
  const lanes: Lane[] = [];
  const pick = (): Lane => {
    const idle = lanes.find((l) => l.busy === 0);
    if (idle) return idle;
    if (lanes.length < max) {
      const lane = { rest: new REST(client.options.rest).setToken(client.token ?? ""), busy: 0 };
      lanes.push(lane);
      return lane;
    }
    return lanes.reduce((a, b) => (b.busy < a.busy ? b : a));
  };
  return {
    get size() {
      return lanes.length;
    },
    async post(channelId, body) {
      const lane = pick();
      lane.busy++;
      try {
        return await lane.rest.post(Routes.channelMessages(channelId), { body });
      } finally {
        lane.busy--;
      }
    },
  };
}
