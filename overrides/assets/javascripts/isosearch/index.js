/**
 * Turn a search/index.<lang>.json file (hooks/isocontrols/search/index.py) into a lunr index.
 *
 * The file holds each entry's text once (as the result list shows it) and, by entry,
 * extra control identifiers to find it by. Here each entry is cut into the terms of its
 * four fields with tokens.js, exactly as search/index.py's document_fields does
 * (tests/test_search_index.py compares the two on every entry of the site), and from
 * their counts this computes what lunr.Builder would: the inverted index, the BM25 field
 * vectors (same k1, b, idf, boosts and rounding as lunr 2.3.9) and the token set
 * (tests/test_search_index.py compares the result with the lunr package's).
 * Needs lunr and tokens.js as globals or via require.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory(require("./lunr.min.js"), require("./tokens.js"))
  else
    root.isosearchIndex = factory(root.lunr, root.isosearchTokens)
})(typeof self !== "undefined" ? self : this, function (lunr, tokens) {
  "use strict"

  var FORMAT = 2
  var FIELDS = ["title", "text", "cites", "mentions"]
  /* How much a match counts in each field: a control cited in the heading outranks any
     word, a control mentioned in the body counts like a word of the heading */
  var BOOSTS = [10, 1, 100, 10]
  var K1 = 1.2, B = 0.75           /* lunr.Builder's defaults */
  var TAG = /<[^>]*>/g
  /* Only the entities that escaping writes (as search/index.py's plain_text) */
  var ENTITY = /&(amp|lt|gt|quot|#39);/g
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'" }

  function plainText(markup) {
    return markup.replace(TAG, " ").replace(ENTITY, function (_, name) { return ENTITIES[name] })
  }

  /* Terms of a text: control numbers apart, all others in reading order */
  function splitTerms(text) {
    var words = [], controls = []
    tokens.tokenize(text).forEach(function (token) {
      (token.kind === "control" ? controls : words).push(token.term)
    })
    return { words: words, controls: controls }
  }

  /* The terms of each field of one entry, with extra control identifiers for it */
  function documentFields(doc, extra) {
    var title = splitTerms(plainText(doc.title || "")), text = splitTerms(plainText(doc.text || ""))
    var cites = title.controls
    ;(extra || []).forEach(function (identifier) {
      tokens.tokenize(identifier).forEach(function (token) {
        if (token.kind === "control" || token.kind === "number") cites.push(token.term)
      })
    })
    return { title: title.words, text: text.words, cites: cites, mentions: text.controls }
  }

  /* Per field: term -> [ref, tf, ref, tf, ...], refs ascending */
  function postings(documents) {
    var tables = FIELDS.map(function () { return new Map() })
    documents.forEach(function (fields, ref) {
      FIELDS.forEach(function (name, f) {
        var counts = new Map()
        fields[name].forEach(function (term) { counts.set(term, (counts.get(term) || 0) + 1) })
        counts.forEach(function (tf, term) {
          var list = tables[f].get(term)
          if (list) list.push(ref, tf)
          else tables[f].set(term, [ref, tf])
        })
      })
    })
    return tables
  }

  function average(values) {
    var sum = 0
    for (var i = 0; i < values.length; i++) sum += values[i]
    return values.length ? sum / values.length : 0
  }

  /* lunr.idf: documents with the term, counted once per field they have it in */
  function idf(lists, count) {
    var withTerm = 0
    for (var f = 0; f < lists.length; f++) withTerm += lists[f].length / 2
    return Math.log(1 + Math.abs((count - withTerm + 0.5) / (withTerm + 0.5)))
  }

  function load(data) {
    if (data.format !== FORMAT)
      throw new Error("search index format " + data.format + ", expected " + FORMAT)
    var cites = data.cites || {}
    var documents = data.docs.map(function (doc, ref) { return documentFields(doc, cites[ref]) })
    var count = documents.length
    var lengths = FIELDS.map(function (name) { return documents.map(function (fields) { return fields[name].length }) })
    var averages = lengths.map(average)
    var tables = postings(documents)
    var terms = new Set()
    tables.forEach(function (table) { table.forEach(function (_, term) { terms.add(term) }) })
    terms = Array.from(terms).sort()

    var invertedIndex = Object.create(null), vectors = Object.create(null)
    terms.forEach(function (term, termIndex) {
      var lists = tables.map(function (table) { return table.get(term) || [] })
      var posting = { _index: termIndex }, weight = idf(lists, count)
      for (var f = 0; f < FIELDS.length; f++) {
        var list = lists[f], refs = {}
        for (var i = 0; i < list.length; i += 2) {
          var ref = list[i], tf = list[i + 1], key = FIELDS[f] + "/" + ref
          var norm = K1 * (1 - B + B * (lengths[f][ref] / averages[f])) + tf
          var score = weight * ((K1 + 1) * tf) / norm * BOOSTS[f]
          refs[ref] = {}
          ;(vectors[key] || (vectors[key] = [])).push(termIndex, Math.round(score * 1000) / 1000)
        }
        posting[FIELDS[f]] = refs
      }
      invertedIndex[term] = posting
    })

    var fieldVectors = Object.create(null)
    for (var key in vectors) fieldVectors[key] = new lunr.Vector(vectors[key])
    return new lunr.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(terms),
      fields: FIELDS,
      pipeline: new lunr.Pipeline()
    })
  }

  return { load: load, documentFields: documentFields, FIELDS: FIELDS, BOOSTS: BOOSTS }
})
