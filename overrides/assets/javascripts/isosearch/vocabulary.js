/**
 * The customers' vocabulary in the browser: the readings of a query.
 *
 * The index file carries its language's rows of the vocabulary file
 * (hooks/isocontrols/search/vocabulary.py): [customer word, [paper words]]. A query's
 * readings are the query as typed, then the query with each customer word it contains
 * replaced by each of that word's paper words (and, when it holds several customer
 * words, each combination, at most 16 readings in all), so that the worker can search
 * every reading as if it had been typed and keep, for each section, its best reading.
 *
 * Words are compared as search compares them, by their terms (tokens.js): 二段階認証 is
 * found inside 二段階認証の設定 (its character pairs follow each other there), MFA in
 * "mfa setup", "cancellation" in "cancelled" (the same stem). tests/test_search_vocabulary.py
 * checks the readings with Node.js.
 * Needs tokens.js as a global or via require.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory(require("./tokens.js"))
  else
    root.isosearchVocabulary = factory(root.isosearchTokens)
})(typeof self !== "undefined" ? self : this, function (tokens) {
  "use strict"

  var MAX_READINGS = 16     /* the query as typed and at most 15 replacements */
  var LONG_VOWELS = "\u30fc\uff70"

  function terms(text) {
    return tokens.tokenize(text).map(function (token) { return token.term })
  }

  /* Rows with their customer word's terms, longest first (so that the longest match wins) */
  function prepare(rows) {
    return (rows || [])
      .map(function (row) { return { key: terms(row[0]), paper: row[1] } })
      .filter(function (row) { return row.key.length > 0 })
      .sort(function (a, b) { return b.key.length - a.key.length })
  }

  function startsAt(found, at, key) {
    if (at + key.length > found.length) return false
    for (var k = 0; k < key.length; k++) if (found[at + k].term !== key[k]) return false
    return true
  }

  /* Where a match ends in the query: after its last term, and after a final long vowel
     mark that the terms leave out (データセンター, ﾃﾞｰﾀｾﾝﾀｰ) */
  function spanEnd(query, end) {
    while (end < query.length && LONG_VOWELS.indexOf(query.charAt(end)) >= 0) end++
    return end
  }

  /* Customer words in the query: [{start, end, paper}], by position, never overlapping */
  function matches(query, prepared) {
    var found = tokens.tokenize(query), spans = [], at = 0
    while (at < found.length) {
      var row = null
      for (var r = 0; r < prepared.length && !row; r++) if (startsAt(found, at, prepared[r].key)) row = prepared[r]
      if (!row) { at++; continue }
      var last = found[at + row.key.length - 1]
      spans.push({ start: found[at].start, end: spanEnd(query, last.end), paper: row.paper })
      at += row.key.length
    }
    return spans
  }

  /* The query as typed first, then its readings with paper words in place of customer
     words (replaced from the last, so that earlier offsets hold) */
  function readings(query, prepared) {
    var spans = matches(query, prepared), texts = [query]
    for (var s = spans.length - 1; s >= 0; s--) {
      var span = spans[s], grown = []
      texts.forEach(function (text) {
        grown.push(text)
        span.paper.forEach(function (word) { grown.push(text.slice(0, span.start) + word + text.slice(span.end)) })
      })
      texts = grown.slice(0, MAX_READINGS)
    }
    return texts
  }

  return { prepare: prepare, readings: readings }
})
