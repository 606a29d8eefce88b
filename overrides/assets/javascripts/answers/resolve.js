/**
 * Control numbers as customers write them: the browser twin of
 * hooks/isocontrols/answers/resolver.py (tests/test_answers_resolver.py runs both on one table).
 *
 * Text is cut into cells at line breaks, tabs, "," "、" "，" ";"; each character is NFKC-folded
 * and lower-cased; every control number of a cell is resolved, the rest of the cell is a text item:
 *   A.9.2.3, 9.2.3, Ａ．９．２．３, a9.2.3 -> A.9.2.3 (2013)    CLD.6.3.1, 6.3.1 -> CLD.6.3.1
 *   8.13, A.8.13 -> 8.13 (2022)    A.9, 9.2 -> a 2013 clause or objective    附属書 -> text
 * Each item's id is its canonical spelling, which the answers page keeps in its address.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory()
  else
    root.answersResolve = factory()
})(typeof self !== "undefined" ? self : this, function () {
  "use strict"

  var CONTROL_2013 = "iso27001-2013"
  var CONTROL_27017 = "iso27017"
  var CONTROL_2022 = "iso27001-2022"
  var GROUP = "group"
  var UNKNOWN = "unknown"
  var TEXT = "text"

  var SEPARATORS = /[\n\r\t\v\f\x85\u2028\u2029,、;]+/g
  var NUMBER = new RegExp(
    "(?<![a-z])(?:cld *\\.? *(?<cld>[0-9]+(?:\\.[0-9]+)*)" +
    "|a(?:\\.(?<dotted>[0-9]+(?:\\.[0-9]+)*)|(?<dotless>[0-9]+(?:\\.[0-9]+)+)))" +
    "|(?<![a-z0-9.])(?<bare>[0-9]+(?:\\.[0-9]+)+)",
    "g"
  )
  var SPACES = " \u200b\ufeff"
  var IGNORED = SPACES + "()[]{}<>【】「」『』〔〕〈〉《》\"'“”‘’・。.:!?"

  /* What to look numbers up in: control ids (2013 and CLD), 2022 ids, 2013 clauses and objectives */
  function known(controls, controls2022, groups) {
    function set(ids, prefix) {
      var found = new Set()
      ids.forEach(function (id) { if (!prefix || id.indexOf(prefix) === 0) found.add(id) })
      return found
    }
    return {
      controls2013: set(controls, "A."),
      controls27017: set(controls, "CLD."),
      controls2022: set(controls2022, ""),
      groups: set(groups, "A.")
    }
  }

  /* NFKC and lower case, code point by code point, with the original [start, end) of each output character */
  function fold(text) {
    var chars = [], starts = [], ends = [], offset = 0
    for (var char of text) {
      var folded = char.normalize("NFKC").toLowerCase()
      for (var part of folded) { chars.push(part); starts.push(offset); ends.push(offset + char.length) }
      offset += char.length
    }
    return { text: chars.join(""), chars: chars, starts: starts, ends: ends }
  }

  function classify(prefix, number, known) {
    var parts = number.split(".").map(function (part) { return String(parseInt(part, 10)) })
    var dotted = parts.join(".")
    if (prefix === "cld") {
      var cld = "CLD." + dotted
      if (known.controls27017.has(cld)) return [CONTROL_27017, cld, ""]
      return [UNKNOWN, cld, known.controls2013.has("A." + dotted) ? "A." + dotted : ""]
    }
    if (parts.length === 2 && known.controls2022.has(dotted)) return [CONTROL_2022, dotted, ""]
    if (parts.length <= 2 && known.groups.has("A." + dotted)) return [GROUP, "A." + dotted, ""]
    if (parts.length === 3 && known.controls2013.has("A." + dotted)) return [CONTROL_2013, "A." + dotted, ""]
    if (parts.length === 3 && !prefix && known.controls27017.has("CLD." + dotted)) return [CONTROL_27017, "CLD." + dotted, ""]
    if (!prefix) return [UNKNOWN, dotted, ""]
    return [UNKNOWN, "A." + dotted, known.controls27017.has("CLD." + dotted) ? "CLD." + dotted : ""]
  }

  /* The text between two numbers of a cell, as typed but for the spaces around it; null where it is
     only spaces, brackets and punctuation */
  function textItem(text, folded, start, end) {
    var chars = folded.chars
    while (start < end && SPACES.indexOf(chars[start]) >= 0) start++
    while (end > start && SPACES.indexOf(chars[end - 1]) >= 0) end--
    if (chars.slice(start, end).every(function (char) { return IGNORED.indexOf(char) >= 0 })) return null
    var typed = text.slice(folded.starts[start], folded.ends[end - 1])
    return { typed: typed, kind: TEXT, id: typed, suggestion: "", prefixed: false }
  }

  /* Code point index of each UTF-16 index of the folded text (regular expressions give UTF-16 indexes) */
  function codePointIndex(text) {
    var index = [], count = 0
    for (var i = 0; i < text.length; i++) {
      index.push(count)
      var code = text.charCodeAt(i)
      if (!(code >= 0xd800 && code <= 0xdbff && i + 1 < text.length)) count++
    }
    index.push(count)
    return index
  }

  /* Every item of text in the order written: control numbers resolved, the rest as text items */
  function resolve(text, known) {
    var folded = fold(text)
    var points = codePointIndex(folded.text)
    var items = []
    function add(item) { if (item) items.push(item) }
    var cells = [], cellStart = 0, separator
    SEPARATORS.lastIndex = 0
    while ((separator = SEPARATORS.exec(folded.text))) {
      cells.push([cellStart, separator.index])
      cellStart = separator.index + separator[0].length
    }
    cells.push([cellStart, folded.text.length])
    cells.forEach(function (cell) {
      var body = folded.text.slice(cell[0], cell[1])
      var position = cell[0], match
      NUMBER.lastIndex = 0
      while ((match = NUMBER.exec(body))) {
        var start = cell[0] + match.index, end = start + match[0].length
        add(textItem(text, folded, points[position], points[start]))
        var groups = match.groups
        var prefix = groups.cld ? "cld" : groups.dotted || groups.dotless ? "a" : ""
        var found = classify(prefix, groups.cld || groups.dotted || groups.dotless || groups.bare, known)
        items.push({
          typed: text.slice(folded.starts[points[start]], folded.ends[points[end] - 1]),
          kind: found[0], id: found[1], suggestion: found[2], prefixed: Boolean(prefix)
        })
        position = end
      }
      add(textItem(text, folded, points[position], points[cell[1]]))
    })
    return items
  }

  /* The canonical spellings of the items, in order: what the answers page's address holds */
  function addressList(items) {
    return items.map(function (item) { return item.id })
  }

  return {
    CONTROL_2013: CONTROL_2013, CONTROL_27017: CONTROL_27017, CONTROL_2022: CONTROL_2022,
    GROUP: GROUP, UNKNOWN: UNKNOWN, TEXT: TEXT,
    known: known, fold: fold, resolve: resolve, addressList: addressList
  }
})
