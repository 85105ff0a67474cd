// Glue at punctuation: a sentence end, comma, bracket or possessive with the next word stuck
// to it ("said.There", "forces,renowned", "Commission(SEC)", "Europe'sbiggest").

const SPACE_BELONGS = new RegExp(
  [
    // "said.There", "ruling.”Such", "1.2%.Pernod": a sentence ends, a capitalised word starts.
    // Not a dotted name ("One.Tel", "Halo.Bungie.Org"): three lower-case letters, one dot.
    // (Straight quotes, which may open or close, are left to `splitAtQuotes`.)
    String.raw`(?<=^(?:[^.]|\.(?!\p{L}))*(?:\p{Ll}{3}|[\d%])["”’')\]]*[.!?][”’]?)(?=[“‘]?\p{Lu}\p{Ll}+[^.]*$)`,
    // "forces,renowned", "£300m,the", "flexibility,”chairman": never "1,000".
    String.raw`(?<=\p{L},[”’]?)(?=\p{L}{2})`,
    // "Commission(SEC)": not "player(s)".
    String.raw`(?<=\p{L}{2})(?=\([\p{L}\p{N}]{2,})`,
    // "Europe'sbiggest", "analysts'expectations", "they'veinvested".
    String.raw`(?<=\p{L}{2}['’](?:s|ve|re|ll|d|m|t)|\p{Ll}s['’])(?=\p{Ll}{3,})`,
  ].join("|"),
  "u",
);

/** The token cut where a space was lost next to punctuation; one piece when none was. */
export function splitAtPunctuation(token: string): string[] {
  return token.split(SPACE_BELONGS);
}

/**
 * The token cut at a straight double quote stuck between words ('were"generally',
 * 'ruling."Such', '"rolled-out"the'). Whether the quote opens or closes follows from how many
 * quotes the line has before it: after an even number it opens, so the space goes before it.
 */
export function splitAtQuotes(token: string, quotesBefore: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let seen = quotesBefore;
  for (let i = 0; i < token.length; i++) {
    if (token[i] !== '"') continue;
    const inside = i > 0 && i < token.length - 1;
    if (inside && /[\p{L}\p{N}.,!?;:%)]/u.test(token[i - 1]!) && /[\p{L}\p{N}£$€(]/u.test(token[i + 1]!)) {
      const cut = seen % 2 === 0 ? i : i + 1;
      pieces.push(token.slice(start, cut));
      start = cut;
    }
    seen++;
  }
  pieces.push(token.slice(start));
  return pieces;
}
