/**
 * Turn a search/index.<lang>.json file (hooks/isocontrols/search_index.py) into a lunr index.
 *
 * The file holds each term's postings ([ref, tf, ...] per field) and each field's
 * length per document. From those this computes what lunr.Builder would: the inverted
 * index, the BM25 field vectors (same k1, b, idf, boosts and rounding as lunr 2.3.9)
 * and the token set. Nothing is tokenised here. tests/test_search_index.py checks the
 * result against an index built by the lunr package from the same terms.
 * Needs lunr as a global or via require.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory(require("./lunr.min.js"))
  else
    root.isosearchIndex = factory(root.lunr)
})(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict"

  var FORMAT = 1
  var K1 = 1.2, B = 0.75           /* lunr.Builder's defaults */

  function average(values) {
    var sum = 0
    for (var i = 0; i < values.length; i++) sum += values[i]
    return values.length ? sum / values.length : 0
  }

  /* lunr.idf: documents with the term, counted once per field they have it in */
  function idf(entry, fields, count) {
    var withTerm = 0
    for (var f = 0; f < fields.length; f++) withTerm += entry[f + 1].length / 2
    return Math.log(1 + Math.abs((count - withTerm + 0.5) / (withTerm + 0.5)))
  }

  function load(data) {
    if (data.format !== FORMAT)
      throw new Error("search index format " + data.format + ", expected " + FORMAT)
    var fields = data.fields, count = data.docs.length
    var averages = data.lengths.map(average)
    var invertedIndex = Object.create(null), vectors = Object.create(null), terms = []

    data.terms.forEach(function (entry, termIndex) {
      var term = entry[0], posting = { _index: termIndex }, weight = idf(entry, fields, count)
      for (var f = 0; f < fields.length; f++) {
        var list = entry[f + 1], refs = {}
        for (var i = 0; i < list.length; i += 2) {
          var ref = list[i], tf = list[i + 1], key = fields[f] + "/" + ref
          var norm = K1 * (1 - B + B * (data.lengths[f][ref] / averages[f])) + tf
          var score = weight * ((K1 + 1) * tf) / norm * data.boosts[f]
          refs[ref] = {}
          ;(vectors[key] || (vectors[key] = [])).push(termIndex, Math.round(score * 1000) / 1000)
        }
        posting[fields[f]] = refs
      }
      invertedIndex[term] = posting
      terms.push(term)
    })

    var fieldVectors = Object.create(null)
    for (var key in vectors) fieldVectors[key] = new lunr.Vector(vectors[key])
    return new lunr.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(terms.sort()),
      fields: fields,
      pipeline: new lunr.Pipeline()
    })
  }

  return { load: load }
})
