// Every command the bot has; deploy-commands registers exactly these.
import articles from "./articles.js";
import ask from "./ask.js";
import askNewsdesk from "./ask-newsdesk.js";
import feeds from "./feeds.js";
import follow from "./follow.js";
import reindex from "./reindex.js";
import source from "./source.js";
import status from "./status.js";
import summary from "./summary.js";
import unfollow from "./unfollow.js";

export const commands = [ask, summary, articles, source, status, reindex, follow, unfollow, feeds, askNewsdesk];
