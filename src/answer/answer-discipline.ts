import type { CandidateKind } from "./candidates.js";
import type { AnswerType } from "./question-type.js";

// Answer discipline: what kind of span may answer what kind of question. *who* is answered by a
// person or an organisation, never a place, a date or a number; *how many / how much* only by a
// number or an amount; *when* only by a time; *where* never by a person or a number. Pure.

/** Candidate kinds that never answer a question of this type. */
const CLASHES: Record<AnswerType, ReadonlySet<CandidateKind>> = {
  person: new Set(["place", "time", "number", "money", "percent"]),
  place: new Set(["person", "role", "time", "number", "money", "percent"]),
  time: new Set(["person", "place", "org", "role", "proper", "money", "percent"]),
  number: new Set(["person", "place", "org", "role", "proper", "time"]),
  money: new Set(["person", "place", "org", "role", "proper", "time", "percent"]),
  percent: new Set(["person", "place", "org", "role", "proper", "time", "money"]),
  named: new Set(),
  thing: new Set(),
};

/** Whether a candidate of this kind may answer; `numeric` says whether it holds a number (a
 *  noun phrase like "twelve banks" may answer "how many", a bare noun phrase may not), and
 *  `endsInNumber` whether a number is its last word ("late 1973", "week 10": never a who or a where). */
export function mayAnswer(type: AnswerType, kind: CandidateKind, numeric: boolean, endsInNumber = false): boolean {
  if (CLASHES[type].has(kind)) return false;
  if ((type === "number" || type === "money" || type === "percent") && kind === "noun") return numeric;
  if ((type === "person" || type === "place") && kind === "noun") return !endsInNumber;
  return true;
}

/**
 * The full names a question mentions (runs of two or more proper nouns after its first word, ranks
 * and titles left out), lower-cased: the person a *who* question asks for is someone else.
 */
export function namesAskedAbout(questionTokens: readonly { text: string; pos: string }[], isTitle: (word: string) => boolean): string[] {
  const names: string[] = [];
  let run: string[] = [];
  for (const t of [...questionTokens.slice(1), { text: "", pos: "" }]) {
    if (t.pos === "PROPN" && !isTitle(t.text)) run.push(t.text.toLowerCase());
    else {
      if (run.length >= 2) names.push(run.join(" "));
      run = [];
    }
  }
  return names;
}

/** A *who* answer that repeats a full name of the question names the one asked about, not the one
 *  asked for ("Who coached Niko Andreou?" is not "Greek sprinter Niko Andreou"). */
export function repeatsAskedName(spanTokens: readonly { text: string }[], names: readonly string[]): boolean {
  if (!names.length) return false;
  const span = ` ${spanTokens.map((t) => t.text.toLowerCase()).join(" ")} `;
  return names.some((n) => span.includes(` ${n} `));
}

/** The grain of time a question asks for, when it names one: a day of the week, a month, a year. */
export type TimeGrain = "weekday" | "month" | "year";

const GRAINS: Array<[RegExp, TimeGrain]> = [
  [/\b(day of the week|weekday)\b/i, "weekday"],
  [/\b(what|which)\s+month\b/i, "month"],
  [/\b(what|which)\s+year\b/i, "year"],
];

const SHOWS: Record<TimeGrain, RegExp> = {
  weekday: /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i,
  month: /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i,
  year: /\b\d{4}s?\b/,
};

export function timeGrainOf(question: string): TimeGrain | undefined {
  return GRAINS.find(([pattern]) => pattern.test(question))?.[1];
}

/** Whether a span names the grain of time asked for ("Tuesday" for "which day of the week"). */
export function showsGrain(text: string, grain: TimeGrain): boolean {
  return SHOWS[grain].test(text);
}

/** The kind of place a question names, when it names one: a city or a country. */
export type PlaceGrain = "city" | "country";

const PLACE_GRAINS: Array<[RegExp, PlaceGrain]> = [
  [/\b(what|which)\s+(city|cities|town|towns|capital|village)\b/i, "city"],
  [/\b(what|which)\s+(country|countries|nation|nations)\b/i, "country"],
];

export function placeGrainOf(question: string): PlaceGrain | undefined {
  return PLACE_GRAINS.find(([pattern]) => pattern.test(question))?.[1];
}

/** A place the gazetteer knows as the other grain answers no "which city" or "which country"
 *  ("Scotland" is no city, "Glasgow" and "Texas" are no country); names it does not know may. */
export function fitsPlaceGrain(span: string, grain: PlaceGrain, tagsOf: (name: string) => ReadonlySet<string>): boolean {
  const tags = tagsOf(span);
  return grain === "city" ? !tags.has("country") && !tags.has("region") : !tags.has("city") && !tags.has("region");
}
