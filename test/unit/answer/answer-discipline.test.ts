import { describe, expect, it } from "vitest";
import {
  fitsPlaceGrain,
  mayAnswer,
  namesAskedAbout,
  placeGrainOf,
  repeatsAskedName,
  showsGrain,
  timeGrainOf,
} from "../../../src/answer/answer-discipline.js";
import { createLexicalReader } from "../../../src/answer/lexical-reader.js";
import { questionForm } from "../../../src/answer/question-form.js";
import { answerTypeOf } from "../../../src/answer/question-type.js";
import { tagTokens } from "../../../src/answer/tagged-tokens.js";
import { gazetteerTags } from "../../../src/text/index.js";
import { buildArticle } from "../../../src/knowledge/build-article.js";
import { retrieve } from "../../../src/retrieval/retrieve.js";
import { indexArticles } from "../../../src/search/memory-index.js";

describe("mayAnswer", () => {
  it.each([
    ["person", "place", false],
    ["person", "time", false],
    ["person", "person", true],
    ["person", "org", true],
    ["number", "proper", false],
    ["number", "org", false],
    ["number", "number", true],
    ["money", "money", true],
    ["time", "place", false],
    ["time", "time", true],
    ["place", "person", false],
    ["place", "place", true],
    ["thing", "place", true],
  ] as const)("%s answered by %s: %s", (type, kind, ok) => {
    expect(mayAnswer(type, kind, false)).toBe(ok);
  });

  it("a noun phrase answers how many only when it holds a number", () => {
    expect(mayAnswer("number", "noun", true)).toBe(true);
    expect(mayAnswer("number", "noun", false)).toBe(false);
  });

  it("a noun phrase ending in a number answers no who and no where", () => {
    expect(mayAnswer("place", "noun", true, true)).toBe(false);
    expect(mayAnswer("person", "noun", true, true)).toBe(false);
    expect(mayAnswer("place", "noun", true, false)).toBe(true);
    expect(mayAnswer("thing", "noun", true, true)).toBe(true);
  });
});

describe("the names a who-question asks about", () => {
  const isTitle = (w: string) => ["general", "president", "coach"].includes(w.toLowerCase());
  it("are its runs of two or more proper nouns after the first word, ranks and titles left out", () => {
    expect(namesAskedAbout(tagTokens("Who did General Omar Siddiq meet in Lahore?"), isTitle)).toEqual(["omar siddiq"]);
  });

  it("rule out a span that repeats one of them whole, and no other", () => {
    const names = ["niko andreou"];
    expect(repeatsAskedName(tagTokens("Greek sprinter Niko Andreou"), names)).toBe(true);
    expect(repeatsAskedName(tagTokens("Niko Papadakis"), names)).toBe(false);
    expect(repeatsAskedName(tagTokens("Stavros Petridis"), names)).toBe(false);
    expect(repeatsAskedName(tagTokens("Stavros Petridis"), [])).toBe(false);
  });
});

describe("questionForm", () => {
  it.each([
    ["Who wrote the report?", "subject"],
    ["Which team won the cup?", "subject"],
    ["What did the committee approve?", "object"],
    ["Who was the former coach of the sprinter?", "other"],
    ["When did the talks start?", "other"],
  ])("%s → %s", (q, form) => {
    expect(questionForm(tagTokens(q))).toBe(form);
  });
});

// Small articles written for these tests, in the shape of the questions the issue found answered
// with the wrong kind of thing.
const ARTICLES: Record<string, string> = {
  "visit.md":
    "Deputy Commander-in-Chief Lieutenant General Karim Haddad arrived at Westfield Airbase in December 2025. " +
    "The protocol reception for the delegation was led by Colonel Peter Vance at Westfield Airbase. " +
    "Haddad called on the army chief, General Omar Siddiq, on Tuesday, 16 December 2025.",
  "banks.md":
    "The administrator Luca Moretti has sued 12 banks, among them Harrow Capital, over the collapse of the dairy group. " +
    "Moretti took charge of the group in 2003.",
  "media.md": "MediaCorp said quarterly profits jumped 76% to $1.1bn, helped by its film studio Horizon Pictures in California.",
  "play.md": "The play Seven Voices was written by Clara Jensen in 1996 and first staged in Kampala, Uganda.",
  "sprint.md": "The Greek sprinter Niko Andreou and his former coach, Stavros Petridis, missed the drugs test in Athens.",
};

async function reader() {
  const articles = Object.entries(ARTICLES).map(([file, body]) =>
    buildArticle(`news/${file}`, new TextEncoder().encode(`# ${file}\n\n${body}\n`), (b) => b),
  );
  const { search: index } = await indexArticles(articles);
  const read = createLexicalReader({ idf: (t) => index.idf(t) });
  return async (question: string): Promise<string> => {
    const hits = retrieve(index, question, { k: 3 });
    const best = (await read.read(question, hits))[0];
    if (!best) return "";
    return hits.find((h) => h.passage.id === best.passageId)!.passage.text.slice(best.start, best.end);
  };
}

describe("answer discipline through the lexical reader", () => {
  it.each([
    ["Who led the protocol reception for the delegation?", /Peter Vance/],
    ["Who wrote Seven Voices?", /Clara Jensen/],
    ["How many banks has Luca Moretti sued?", /12/],
    ["On which day of the week did Haddad call on the army chief?", /Tuesday/],
    ["Who was the former coach of Niko Andreou?", /Stavros Petridis/],
    ["How much did MediaCorp's quarterly profits jump?", /76%/],
    ["Where was Seven Voices first staged?", /Kampala|Uganda/],
    ["When did Moretti take charge of the group?", /2003/],
  ])("%s → %s", async (question, expected) => {
    const ask = await reader();
    expect(await ask(question)).toMatch(expected);
  });

  it("the question types these rely on", () => {
    expect(answerTypeOf("Who led the protocol reception?")).toBe("person");
    expect(answerTypeOf("How many banks has he sued?")).toBe("number");
    expect(answerTypeOf("On which day of the week did he call?")).toBe("time");
    expect(answerTypeOf("What type of teacher is required?")).toBe("thing");
    expect(answerTypeOf("Which kinds of venue were used?")).toBe("thing");
  });
});

describe("time grain", () => {
  it.each([
    ["On which day of the week did they meet?", "weekday", "Tuesday", "16 December"],
    ["In which month was it signed?", "month", "early March", "1996"],
    ["In what year did the firm open?", "year", "1996", "March"],
  ] as const)("%s asks for a %s", (question, grain, shows, not) => {
    expect(timeGrainOf(question)).toBe(grain);
    expect(showsGrain(shows, grain)).toBe(true);
    expect(showsGrain(not, grain)).toBe(false);
  });

  it("a plain when names no grain", () => {
    expect(timeGrainOf("When did they meet?")).toBeUndefined();
  });
});

describe("place grain", () => {
  it("is named by which city or which country", () => {
    expect(placeGrainOf("Which city is likely to get a casino?")).toBe("city");
    expect(placeGrainOf("In what country was he born?")).toBe("country");
    expect(placeGrainOf("Where was he born?")).toBeUndefined();
  });

  it("rules out a known place of the other grain, and no name the lists do not know", () => {
    expect(fitsPlaceGrain("Scotland", "city", gazetteerTags)).toBe(false);
    expect(fitsPlaceGrain("Glasgow", "city", gazetteerTags)).toBe(true);
    expect(fitsPlaceGrain("Glasgow", "country", gazetteerTags)).toBe(false);
    expect(fitsPlaceGrain("Texas", "country", gazetteerTags)).toBe(false);
    expect(fitsPlaceGrain("France", "country", gazetteerTags)).toBe(true);
    expect(fitsPlaceGrain("Zembla Bay", "city", gazetteerTags)).toBe(true);
  });
});
