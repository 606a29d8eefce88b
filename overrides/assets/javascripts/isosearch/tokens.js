/**
 * Search tokens: the browser twin of hooks/isocontrols/search/tokens.py.
 *
 * Both turn text into the same terms (tests/test_search_tokens.py checks it):
 *   control  【A.9.2.3】, a.9.2.3, Ａ．９．２．３  -> "a.9.2.3" and "9.2.3"
 *   number   5.3, 72, 27017                      -> "5.3", "72", "27017"
 *   word     Encrypted, ISO/IEC                 -> "encrypt", "iso", "iec" (Porter stem)
 *   cjk      ネットワークの分離                   -> "ネッ", "ット", ..., "分離" (bigrams)
 * Each character is NFKC-normalised and lower-cased on its own (a half-width ﾞ or ﾟ
 * joins the kana before it), so every token keeps the [start, end) span of the
 * original text (used for highlighting).
 * Needs lunr (for its stemmer and stop words) as a global or via require.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory(require("./lunr.min.js"))
  else
    root.isosearchTokens = factory(root.lunr)
})(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict"

  var CJK = "\u3005-\u3007\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
  var LETTERS = "a-z\u00df-\u00f6\u00f8-\u024f"
  var TOKEN = new RegExp(
    "(?<![" + LETTERS + "0-9])(?<prefix>a|cld)(?:\\.(?<partial>\\d+(?:\\.\\d+)*)|(?<dotless>\\d+(?:\\.\\d+)+))(?![0-9])" +
    "|(?<number>\\d+(?:\\.\\d+)*)" +
    "|(?<word>[" + LETTERS + "]+)" +
    "|(?<cjk>[" + CJK + "]+)",
    "g"
  )
  var LONG_VOWEL = "\u30fc"

  /* NFKC and lower case, character by character, with each output character's origin */
  var VOICING_MARKS = ["\u3099", "\u309a"]

  /* Characters that NFKC and lower case leave as they are (checked first: normalize() is
     slow): ASCII other than capitals, kana and the common kanji */
  function isStable(code) {
    return (code < 0x80 && !(code >= 0x41 && code <= 0x5a)) ||
      (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa) ||
      code === 0x30fc || (code >= 0x4e00 && code <= 0x9fff)
  }

  function normalise(text) {
    var chars = [], origin = []
    for (var offset = 0; offset < text.length; offset++) {
      var char = text[offset], code = char.charCodeAt(0)
      if (isStable(code)) { chars.push(char); origin.push(offset); continue }
      if (code >= 0x41 && code <= 0x5a) { chars.push(String.fromCharCode(code + 32)); origin.push(offset); continue }
      var folded = char.normalize("NFKC").toLowerCase()
      if (VOICING_MARKS.indexOf(folded) >= 0 && chars.length) {
        var voiced = (chars[chars.length - 1] + folded).normalize("NFC")
        if (voiced.length === 1) { chars[chars.length - 1] = voiced; continue }
      }
      for (var k = 0; k < folded.length; k++) { chars.push(folded[k]); origin.push(offset) }
    }
    return { text: chars.join(""), origin: origin }
  }

  /* The Porter stem, cached per word: a page's text repeats its words, and the stemmer's
     regular expressions are the slowest part of cutting English */
  var stems = new Map()
  function stem(word) {
    var found = stems.get(word)
    if (found === undefined) stems.set(word, found = lunr.stemmer(new lunr.Token(word)).toString())
    return found
  }

  function isStopWord(word) {
    return !lunr.stopWordFilter(new lunr.Token(word))
  }

  function token(term, kind, origin, start, end) {
    return { term: term, kind: kind, start: origin[start], end: origin[end - 1] + 1 }
  }

  function isKatakana(char) {
    return (char >= "\u30a1" && char <= "\u30fa") || char === LONG_VOWEL
  }

  function isFinalLongVowel(run, i) {
    return run[i] === LONG_VOWEL && i >= 2 &&
      isKatakana(run[i - 1]) && isKatakana(run[i - 2]) &&
      (i + 1 === run.length || !isKatakana(run[i + 1]))
  }

  /* Bigrams of a kana/kanji run (a unigram when the run is one character) */
  function cjkTokens(run, start, origin) {
    var kept = []
    for (var i = 0; i < run.length; i++)
      if (!isFinalLongVowel(run, i)) kept.push([run[i], start + i])
    if (kept.length === 1)
      return [token(kept[0][0], "cjk", origin, kept[0][1], kept[0][1] + 1)]
    var tokens = []
    for (var j = 0; j + 1 < kept.length; j++)
      tokens.push(token(kept[j][0] + kept[j + 1][0], "cjk", origin, kept[j][1], kept[j + 1][1] + 1))
    return tokens
  }

  function tokensOfMatch(match, origin) {
    var groups = match.groups, start = match.index, end = start + match[0].length
    if (groups.prefix) {
      var number = groups.partial || groups.dotless
      return [
        token(groups.prefix + "." + number, "control", origin, start, end),
        token(number, "control", origin, start, end)
      ]
    }
    if (groups.number) return [token(match[0], "number", origin, start, end)]
    if (groups.word)
      return isStopWord(match[0]) ? [] : [token(stem(match[0]), "word", origin, start, end)]
    return cjkTokens(match[0], start, origin)
  }

  /* All tokens of text in reading order; stop words give none */
  function tokenize(text) {
    var normal = normalise(text), tokens = [], match
    TOKEN.lastIndex = 0
    while ((match = TOKEN.exec(normal.text)) !== null)
      tokens.push.apply(tokens, tokensOfMatch(match, normal.origin))
    return tokens
  }

  return { tokenize: tokenize, normalise: normalise, stem: stem }
})
