// Text-repair evaluation: damage on clean text (BBC articles must come through nearly
// unchanged) and fixes on the scraped seed article (its glued words, checked against a key).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { KnowledgeError } from "../../src/errors.js";
import { englishLexicon, repairTextWithStats } from "../../src/knowledge/repair/index.js";

/**
 * The seed article's glued words and their repairs, found by reading it: the answer key for
 * this evaluation only. The repairer never sees it.
 */
export const SEED_GLUE: ReadonlyArray<readonly [glued: string, repaired: string]> = [
  ["deepeningmilitary-to-military", "deepening military-to-military"],
  ["ArmedForces", "Armed Forces"],
  ["ArmyStaff", "Army Staff"],
  ["GeneralHeadquarters", "General Headquarters"],
  ["DeputyCommander-in-Chief", "Deputy Commander-in-Chief"],
  ["keymilestone", "key milestone"],
  ["high-levelinteractions", "high-level interactions"],
  ["sidesexchanged", "sides exchanged"],
  ["onsecurity", "on security"],
  ["enhancedprofessional", "enhanced professional"],
  ["tostabilise", "to stabilise"],
  ["navigatingpost-conflict", "navigating post-conflict"],
  ["2011upheaval", "2011 upheaval"],
  ["warmlyand", "warmly and"],
  ["bilateralrelations", "bilateral relations"],
  ["AsimMunir’s", "Asim Munir’s"],
  ["emphasisedshared", "emphasised shared"],
  ["securityenvironments", "security environments"],
  ["asterrorism", "as terrorism"],
  ["forces,renowned", "forces, renowned"],
  ["counter-insurgencyoperations", "counter-insurgency operations"],
  ["toconsolidate", "to consolidate"],
  ["Libyandelegation", "Libyan delegation"],
  ["globalpeacekeeping", "global peacekeeping"],
  ["trainingand", "training and"],
  ["potentialareas", "potential areas"],
  ["technicalcooperation", "technical cooperation"],
  ["initiativesalign", "initiatives align"],
  ["diplomacyto", "diplomacy to"],
  ["militaryexports", "military exports"],
  ["resourcesand", "resources and"],
  ["itsforces", "its forces"],
  ["thetwo", "the two"],
  ["butintensified", "but intensified"],
  ["SaddamHaftar’s", "Saddam Haftar’s"],
  ["foragreements", "for agreements"],
  ["expertiseexchange", "expertise exchange"],
  ["defencepartnerships", "defence partnerships"],
  ["inthe", "in the"],
  ["markedby", "marked by"],
  ["underscoringthe", "underscoring the"],
  ["duringthe", "during the"],
  ["leadersexpressing", "leaders expressing"],
  ["Thishigh-level", "This high-level"],
  ["follow-upmechanisms", "follow-up mechanisms"],
  ["agreedinitiatives", "agreed initiatives"],
  ["tostability", "to stability"],
  ["directlyimpacts", "directly impacts"],
  ["effortsaffecting", "efforts affecting"],
  ["andasymmetric", "and asymmetric"],
  ["urbanoperations", "urban operations"],
  ["alsohighlighted", "also highlighted"],
  ["politicalchannels", "political channels"],
  ["forcesguarantee", "forces guarantee"],
  ["withPakistan’s", "with Pakistan’s"],
  ["adependable", "a dependable"],
  ["discussionsconcluded", "discussions concluded"],
  ["indicatingsustained", "indicating sustained"],
  ["asPakistan", "as Pakistan"],
  ["advancingits", "advancing its"],
  ["inturn", "in turn"],
  ["suitedto", "suited to"],
  ["steptowards", "step towards"],
  ["strategicpriorities", "strategic priorities"],
];

/** Lines of the seed article that are scraping debris. */
export const SEED_DEBRIS = ["Arab Armed Forces, General Headquarters", "ogimageimage-name"];

export interface RepairEval {
  articles: number;
  words: number;
  /** Words of the original bodies missing from the repaired ones (split, changed or dropped). */
  changedWords: number;
  rate: number;
  /** Non-empty lines dropped from the BBC bodies (each one is a real paragraph lost). */
  droppedLines: number;
  splits: number;
  /** Repair time per BBC article, first pass (cold memo, as at indexing), in ms. */
  msPerArticle: number;
  msPerArticleMedian: number;
  /** BBC bodies wrapped at 85 columns with the line breaks dropped, as a careless scraper does. */
  synthetic: { articles: number; glued: number; fixed: number; recall: number };
  /** The most frequent BBC words changed, with counts. */
  changes: Array<[string, number]>;
  seedGlued: number;
  seedFixed: number;
  seedLeft: string[];
  /** Seed words changed that are not glued. */
  seedWrong: string[];
  seedDebrisDropped: number;
}

function counts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.split(/\s+/)) if (w) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Words of `before` that `after` lacks, as a multiset. */
function lost(before: string, after: string): Map<string, number> {
  const a = counts(after);
  const out = new Map<string, number>();
  for (const [w, n] of counts(before)) {
    const missing = n - (a.get(w) ?? 0);
    if (missing > 0) out.set(w, missing);
  }
  return out;
}

const nonEmptyLines = (text: string) => text.split("\n").filter((l) => l.trim()).length;

/**
 * Wraps each paragraph at `width` columns and drops the breaks, gluing the words on either side.
 * Returns the glued body and the word pairs that were glued.
 */
export function glueAtWraps(body: string, width = 85): { text: string; pairs: Array<[string, string]> } {
  const pairs: Array<[string, string]> = [];
  const text = body
    .split("\n")
    .map((line) => {
      const words = line.split(" ");
      let out = words[0] ?? "";
      let column = out.length;
      for (let k = 1; k < words.length; k++) {
        const w = words[k]!;
        if (column + 1 + w.length > width) {
          out += w;
          column = w.length;
          pairs.push([words[k - 1]!, w]);
        } else {
          out += " " + w;
          column += 1 + w.length;
        }
      }
      return out;
    })
    .join("\n");
  return { text, pairs };
}

function syntheticRecall(bodies: string[], every: number) {
  let articles = 0,
    glued = 0,
    fixed = 0;
  bodies.forEach((body, i) => {
    if (i % every !== 0) return;
    articles++;
    const { text, pairs } = glueAtWraps(body);
    const repaired = repairTextWithStats(text).text;
    glued += pairs.length;
    fixed += pairs.filter(([a, b]) => repaired.includes(`${a} ${b}`)).length;
  });
  return { articles, glued, fixed, recall: glued ? fixed / glued : 0 };
}

function bbcFolder(dataDir: string): string {
  const folder = existsSync(join(dataDir, "bbc", "articles")) ? join(dataDir, "bbc", "articles") : dataDir;
  if (!existsSync(folder)) throw new KnowledgeError(`No BBC articles at ${folder}`, { dataDir });
  return folder;
}

function seedResult(seedPath: string) {
  const seed = readFileSync(seedPath, "utf8");
  const repaired = repairTextWithStats(seed).text;
  const left = SEED_GLUE.filter(([glued, fixed]) => !repaired.includes(fixed) || repaired.includes(glued));
  const changed = lost(seed, repaired);
  const glued = new Set(SEED_GLUE.map(([g]) => g));
  const debris = new Set(SEED_DEBRIS.flatMap((l) => l.split(/\s+/)));
  const wrong = [...changed.keys()].filter((w) => ![...glued].some((g) => w.includes(g)) && !debris.has(w));
  return {
    seedGlued: SEED_GLUE.length,
    seedFixed: SEED_GLUE.length - left.length,
    seedLeft: left.map(([g]) => g),
    seedWrong: wrong,
    seedDebrisDropped: SEED_DEBRIS.filter((l) => !repaired.includes(l)).length,
  };
}

/**
 * Repairs every BBC article body (`<category>/<NNN>.txt`: title, blank line, paragraphs) and the
 * seed article beside the data folder, and measures damage, fixes and speed.
 */
export async function evalRepair(
  dataDir: string,
  { seedPath = join(dataDir, "..", "seed-article.txt"), syntheticEvery = 4 } = {},
): Promise<RepairEval> {
  const folder = bbcFolder(dataDir);
  const bodies: string[] = [];
  for (const category of readdirSync(folder).sort()) {
    const dir = join(folder, category);
    if (!existsSync(dir) || !readdirSync(dir)) continue;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort()) {
      bodies.push(readFileSync(join(dir, file), "utf8").split("\n").slice(2).join("\n"));
    }
  }
  if (bodies.length === 0) throw new KnowledgeError(`No .txt articles under ${folder}`, { folder });
  englishLexicon(); // load once outside the timing
  let words = 0,
    changedWords = 0,
    droppedLines = 0,
    splits = 0;
  const times: number[] = [];
  const changes = new Map<string, number>();
  for (const body of bodies) {
    const t0 = performance.now();
    const r = repairTextWithStats(body);
    times.push(performance.now() - t0);
    splits += r.stats.splits;
    words += body.split(/\s+/).filter(Boolean).length;
    droppedLines += nonEmptyLines(body) - nonEmptyLines(r.text);
    for (const [w, n] of lost(body, r.text)) {
      changedWords += n;
      changes.set(w, (changes.get(w) ?? 0) + n);
    }
  }
  const seed = existsSync(seedPath)
    ? seedResult(seedPath)
    : { seedGlued: SEED_GLUE.length, seedFixed: 0, seedLeft: ["(seed article not found)"], seedWrong: [], seedDebrisDropped: 0 };
  return {
    articles: bodies.length,
    words,
    changedWords,
    rate: changedWords / words,
    droppedLines,
    splits,
    msPerArticle: times.reduce((a, b) => a + b, 0) / times.length,
    msPerArticleMedian: times.sort((a, b) => a - b)[times.length >> 1]!,
    synthetic: syntheticRecall(bodies, syntheticEvery),
    changes: [...changes].sort((a, b) => b[1] - a[1]),
    ...seed,
  };
}

/** A short table for people. */
export function formatRepairEval(r: RepairEval, examples = 25): string {
  const rows: Array<[string, string]> = [
    ["BBC articles", String(r.articles)],
    ["BBC words", String(r.words)],
    ["BBC words changed", `${r.changedWords} (${(r.rate * 1000).toFixed(3)} per 1,000)`],
    ["BBC lines dropped", String(r.droppedLines)],
    ["repair time per article", `median ${r.msPerArticleMedian.toFixed(3)} ms, mean ${r.msPerArticle.toFixed(3)} ms`],
    [
      "synthetic glue fixed",
      `${r.synthetic.fixed} / ${r.synthetic.glued} (${(r.synthetic.recall * 100).toFixed(1)}%, ${r.synthetic.articles} BBC articles wrapped at 85 columns)`,
    ],
    ["seed glued words fixed", `${r.seedFixed} / ${r.seedGlued}`],
    ["seed glued words left", r.seedLeft.join(", ") || "none"],
    ["seed wrong changes", r.seedWrong.join(", ") || "none"],
    ["seed debris lines dropped", `${r.seedDebrisDropped} / ${SEED_DEBRIS.length}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const table = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n");
  const top = r.changes
    .slice(0, examples)
    .map(([w, n]) => `${w}×${n}`)
    .join("  ");
  return `${table}\nmost changed BBC words: ${top || "none"}`;
}

// `npx tsx tools/eval/repair.ts [dataDir]` prints the table (default: ../shared/data).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dataDir = process.argv[2] ?? resolve("..", "shared", "data");
  evalRepair(dataDir).then(
    (r) => console.log(formatRepairEval(r)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
