// Every command the bot has; deploy-commands registers exactly these.
import articles from "./articles.js";
import ask from "./ask.js";
import askNewsdesk from "./ask-newsdesk.js";
import reindex from "./reindex.js";
import source from "./source.js";
import status from "./status.js";
import summary from "./summary.js";

export const commands = [ask, summary, articles, source, status, reindex, askNewsdesk];
