// Glue at punctuation: a sentence end, comma, bracket or possessive with the next word stuck
// to it ("said.There", "forces,renowned", "Commission(SEC)", "Europe'sbiggest").

const SPACE_BELONGS = new RegExp(
  [
    // "said.There", 'ruling."Such', "1.2%.Pernod": a sentence ends, a capitalised word starts.
    // Not a dotted name ("One.Tel", "Halo.Bungie.Org"): three lower-case letters, one dot.
    String.raw`(?<=^(?:[^.]|\.(?!\p{L}))*(?:\p{Ll}{3}|[\d%])["”’')\]]*[.!?]["”’']?)(?=[“‘]?\p{Lu}\p{Ll}+[^.]*$)`,
    // "forces,renowned", '£300m,the', 'flexibility,"chairman': never "1,000".
    String.raw`(?<=\p{L},["”’]?)(?=\p{L}{2})`,
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
