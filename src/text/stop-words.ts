// The stop lists, one per use. They differ on purpose: each was tuned with its own tokeniser.

/** BM25 and retrieval: function words that carry no topic; question words are kept out too ("who", "when" …). */
export const SEARCH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been being but by can could did do does doing for from had has have having he her " +
    "hers him his how i if in into is it its itself me my of on or our ours she should so than that the their " +
    "them then there these they this those to too was we were what when where which while who whom whose why " +
    "will with would you your yours also about after against all any because before between both during each " +
    "few further here just more most no nor not now only other over own same some such through under until up " +
    "very s t don didn doesn isn wasn weren"
  ).split(" "),
);

// Summaries: function words must not make two sentences look alike. Kept short on purpose (numbers
// and names stay, they carry news content); apostrophe forms because summary words keep them.
export const SUMMARY_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are aren't as at be because been before " +
    "being below between both but by can can't cannot could couldn't did didn't do does doesn't doing " +
    "don't down during each few for from further had hadn't has hasn't have haven't having he he'd he'll " +
    "he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't " +
    "it it's its itself let's me more most mustn't my myself no nor not of off on once only or other " +
    "ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some " +
    "such than that that's the their theirs them themselves then there there's these they they'd " +
    "they'll they're they've this those through to too under until up very was wasn't we we'd we'll " +
    "we're we've were weren't what what's when when's where where's which while who who's whom why " +
    "why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves " +
    "said says say will just now also may might must us one two new"
  ).split(" "),
);
