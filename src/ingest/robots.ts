// robots.txt (RFC 9309): the group for our product token, else "*"; the longest matching rule
// wins and Allow wins a tie. Pure: the fetching and caching live in the fetcher.

export interface RobotsRule {
  allow: boolean;
  pattern: string;
}

export interface Robots {
  rules: RobotsRule[];
  /** Crawl-delay of our group, in seconds, when the site gives one. */
  crawlDelay?: number;
}

export const ALLOW_ALL: Robots = { rules: [] };

export function parseRobots(text: string, agent: string): Robots {
  const groups: { agents: string[]; rules: RobotsRule[]; crawlDelay?: number }[] = [];
  let current: (typeof groups)[number] | undefined;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === "user-agent") {
      if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === "allow" || key === "disallow") {
      // An empty Disallow allows everything: it adds no rule.
      if (value) current.rules.push({ allow: key === "allow", pattern: value });
    } else if (key === "crawl-delay" && Number.isFinite(Number(value))) current.crawlDelay = Number(value);
  }
  const token = agent.toLowerCase();
  const ours = groups.filter((g) => g.agents.some((a) => a !== "*" && token.includes(a)));
  const chosen = ours.length ? ours : groups.filter((g) => g.agents.includes("*"));
  return {
    rules: chosen.flatMap((g) => g.rules),
    crawlDelay: chosen.find((g) => g.crawlDelay !== undefined)?.crawlDelay,
  };
}

function patternRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith("$");
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`);
}

/** Whether the path (with its query) may be fetched. */
export function robotsAllow(robots: Robots, pathAndQuery: string): boolean {
  let best: RobotsRule | undefined;
  for (const rule of robots.rules) {
    if (!patternRegex(rule.pattern).test(pathAndQuery)) continue;
    if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
  }
  return best?.allow ?? true;
}
