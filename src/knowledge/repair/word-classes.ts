// Small closed classes of English that the glue rules lean on. General grammar, not any
// article's vocabulary.

/** Closed-class words: a glued token with one of these at a cut is almost always two words. */
export const FUNCTION_WORDS = new Set([
  "a", "about", "above", "after", "against", "all", "also", "although", "among", "an", "and",
  "any", "are", "around", "as", "at", "be", "because", "been", "before", "being", "between",
  "both", "but", "by", "can", "could", "did", "do", "does", "during", "each", "either", "for",
  "from", "had", "has", "have", "he", "her", "his", "how", "however", "if", "in", "into", "is",
  "it", "its", "may", "might", "more", "most", "much", "must", "my", "nor", "not", "of", "on",
  "only", "or", "other", "our", "over", "she", "should", "since", "so", "some", "such", "than",
  "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "though",
  "through", "thus", "to", "towards", "under", "until", "upon", "very", "was", "we", "were",
  "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will",
  "with", "within", "without", "would", "yet", "you", "your",
]);

/** First elements that build solid compounds ("outspent", "overcapacity", "upgrade"). */
export const COMPOUND_PREFIXES = new Set([
  "anti", "back", "counter", "cross", "down", "fore", "inter", "mid", "multi", "non", "off", "out",
  "over", "post", "pre", "self", "semi", "sub", "super", "under", "up",
]);

/** Endings of inflected or derived words, which rarely start a solid compound. */
export const INFLECTED_ENDING = /(?:ed|ing|s|ly|al|ic|ive|ous|ary|ful|ent|ant|ise|ize)$/;

/** Word endings the lists carry as words of their own ("ising", "ation"): never a second word. */
export const DERIVATIONAL_SUFFIXES = new Set([
  "ability", "able", "ably", "ible", "ally", "ance", "ation", "ations", "ence", "ers", "ier", "ily", "ing", "ings", "ise", "ised",
  "ising", "ism", "isms", "ist", "ists", "ity", "ities", "ize", "ized", "izing", "less", "ment",
  "ments", "ness", "ous", "ship", "tion", "tions",
]);
