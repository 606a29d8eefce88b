/**
 * Search worker for Material's search box: per-language, prebuilt lunr index.
 *
 * It speaks Material's worker protocol (SETUP/READY/QUERY/RESULT, see Material's
 * src/templates/assets/javascripts/integrations/search/worker), so Material's search
 * box and result list are unchanged. What differs from Material's own worker:
 *
 * - the index is the page language's only (search/index.<lang>.json, passed as
 *   ?index=… by overrides/partials/isosearch-config.html, written by
 *   hooks/isocontrols/search/index.py): the entries' text, which index.js cuts into
 *   terms with tokens.js and turns into a lunr index when the worker starts;
 * - the query is cut into terms by tokens.js exactly as the text was (CJK bigrams,
 *   control numbers with and without prefix, stemmed English words);
 * - results that contain more of what was typed (rare terms weighing more) come
 *   first, then by lunr score;
 * - the customers' vocabulary the index carries (vocabulary.js) gives each query its
 *   readings with the paper's words: each reading is searched as if typed and every
 *   section keeps its best reading; a section of the paper holding the customer's own
 *   word comes before those holding only the paper's.
 *
 * The worker loads its own index as soon as it starts and says READY then; the
 * SETUP message (Material's merged search_index.json) is not needed and ignored.
 */
importScripts("lunr.min.js", "tokens.js", "index.js", "vocabulary.js")

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
var MIN_COVERAGE = 0.5      /* share of the typed terms a result must contain */
var TEASER_BLOCKS = 2       /* paragraphs of a section shown under its title */
var HIGHLIGHTED = 20        /* results whose matches are marked (Material shows ten at a time) */
var WARM_SLICE_MS = 4       /* longest background step before a waiting query is served */
var READING_STEP = 2.5e5    /* above any lunr score; two steps stay below one point of coverage (1e6) */

var tokenize = self.isosearchTokens.tokenize
var normalise = self.isosearchTokens.normalise
var WILDCARD = lunr.Query.wildcard
var TEXT_FIELDS = ["title", "text"]
var CONTROL_FIELDS = ["cites", "mentions"]

var data = null             /* { index, docs, articles: page -> ref, vocabulary, reference: pages about the paper } */
var marks = new Map()       /* doc ref -> { title: tokens, blocks: [[html, tokens]] }, filled lazily */

/* ----------------------------------------------------------------------------
 * Setup
 * ------------------------------------------------------------------------- */

function setup(json) {
  var articles = new Map()
  json.docs.forEach(function (doc, ref) {
    if (doc.location.indexOf("#") < 0) articles.set(doc.location, ref)
  })
  data = {
    index: self.isosearchIndex.load(json),
    docs: json.docs,
    articles: articles,
    vocabulary: self.isosearchVocabulary.prepare(json.vocabulary),
    reference: new Set(json.reference)
  }
}

/* READY goes out once, when the index is loaded or, if later, when Material's SETUP comes:
   Material sends the search box's query on every READY, so a second one would have the
   worker search a stale query first (a key typed while the page loads) and delay the
   answer to the query as typed */
var announced = false
function announce() {
  if (announced) return
  announced = true
  postMessage({ type: READY })
}

var indexUrl = new URL(self.location.href).searchParams.get("index")
var ready = fetch(indexUrl)
  .then(function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status)
    return response.json()
  })
  .then(setup)
ready.then(function () {
  announce()
  warm(0)
}, function (err) {
  /* Without an index every query finds nothing, rather than leaving the search box silent */
  console.warn("Search index not loaded: " + indexUrl, err)
  announce()
})

/* Cut every entry for highlighting in the background, a few at a time, so that
   the first queries need not (queries are handled between the steps) */
function warm(from) {
  var ref = from, start = Date.now()
  while (ref < data.docs.length && Date.now() - start < WARM_SLICE_MS) cut(ref++)
  if (ref < data.docs.length) setTimeout(warm, 0, ref)
}

/* ----------------------------------------------------------------------------
 * Query
 * ------------------------------------------------------------------------- */

/* The typed words, each with its distinct tokens and their normalised surface */
function parseQuery(value) {
  return value.split(/\s+/).filter(Boolean).map(function (word) {
    var seen = new Set(), tokens = []
    tokenize(word).forEach(function (token) {
      if (seen.has(token.kind + token.term)) return
      seen.add(token.kind + token.term)
      token.raw = normalise(word.slice(token.start, token.end)).text
      tokens.push(token)
    })
    return { word: word.toLowerCase(), tokens: tokens }
  }).filter(function (group) { return group.tokens.length > 0 })
}

/* Lunr clauses for one token: exact terms weigh more than completions of what is being typed */
function addClauses(query, token) {
  switch (token.kind) {
    case "control":
      query.term(token.term, { fields: CONTROL_FIELDS, boost: 10 })
      query.term(token.term, { fields: CONTROL_FIELDS, wildcard: WILDCARD.TRAILING })
      break
    case "number":
      query.term(token.term, { fields: CONTROL_FIELDS, boost: 10 })
      query.term(token.term, { fields: TEXT_FIELDS, boost: 10 })
      query.term(token.term, { wildcard: WILDCARD.TRAILING })
      break
    case "word":
      query.term(token.term, { fields: TEXT_FIELDS, boost: 10 })
      query.term(token.raw, { fields: TEXT_FIELDS, wildcard: WILDCARD.TRAILING })
      break
    default:
      if (token.term.length > 1)
        query.term(token.term, { fields: TEXT_FIELDS })
      else
        query.term(token.term, { fields: TEXT_FIELDS, wildcard: WILDCARD.LEADING | WILDCARD.TRAILING })
  }
}

/* Whether an index term (or a token of the text) satisfies a query token */
function satisfies(term, token) {
  if (term === token.term) return true
  switch (token.kind) {
    case "control": return term.startsWith(token.term)
    /* 7 is on its way to 72, and 9.2 to 9.2.3, but 3 is not 3.2 */
    case "number": return term.startsWith(token.term) &&
      (token.term.indexOf(".") >= 0 || /[0-9]/.test(term.charAt(token.term.length)))
    case "word": return term.startsWith(token.raw)
    default: return token.term.length === 1 && term.indexOf(token.term) >= 0
  }
}

/* How much a query token says: lunr's idf of its term (the most for a term not in the index) */
function weigh(groups) {
  var count = data.docs.length, unseen = Math.log(1 + (count + 0.5) / 0.5)
  groups.forEach(function (group) {
    group.tokens.forEach(function (token) {
      var posting = data.index.invertedIndex[token.term]
      token.weight = posting ? lunr.idf(posting, count) : unseen
    })
  })
}

/* Share of each word found in the result (its tokens weighed by idf, so that 委員会
   counts more than 情報), averaged over the words */
function coverage(groups, terms) {
  var found = {}, total = 0
  groups.forEach(function (group) {
    var hit = 0, all = 0
    group.tokens.forEach(function (token) {
      all += token.weight
      if (terms.some(function (term) { return satisfies(term, token) })) hit += token.weight
    })
    found[group.word] = hit / all >= MIN_COVERAGE
    total += hit / all
  })
  return { value: total / groups.length, terms: found }
}

/* Whether a result holds every term of the query as typed, not merely terms that
   begin with it (2fa is not "2022 facilities") */
function complete(groups, terms) {
  return groups.every(function (group) {
    return group.tokens.every(function (token) { return terms.indexOf(token.term) >= 0 })
  })
}

/* ----------------------------------------------------------------------------
 * Highlighting
 * ------------------------------------------------------------------------- */

/* Top-level blocks of an entry's HTML (<p>…</p>, <ul>…</ul>, bare text) */
function blocks(html) {
  var parts = [], depth = 0, start = 0, re = /<(\/?)[a-z][^>]*>/g, tag
  while ((tag = re.exec(html)) !== null) {
    if (tag[1]) {
      if (--depth === 0) { parts.push(html.slice(start, re.lastIndex)); start = re.lastIndex }
    } else {
      if (depth++ === 0 && tag.index > start) { parts.push(html.slice(start, tag.index)); start = tag.index }
    }
  }
  if (start < html.length) parts.push(html.slice(start))
  return parts.filter(function (part) { return part.trim() })
}

/* Decode the entities of an entry's text (the index escapes &, < and >; numeric ones are decoded too) */
var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'" }
function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (entity, name) {
    if (name[0] === "#") return String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : +name.slice(1))
    return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : entity
  })
}

function escapeText(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
}

/* An HTML fragment as its tags and its text pieces (decoded), each text piece with its tokens:
   marks are placed in the text and the text escaped again, so a mark never splits an entity */
function htmlTokens(html) {
  var pieces = [], re = /<[^>]*>|[^<]+/g, part
  while ((part = re.exec(html)) !== null) {
    if (part[0][0] === "<") { pieces.push({ tag: part[0] }); continue }
    var text = decode(part[0])
    pieces.push({ text: text, tokens: tokenize(text) })
  }
  return pieces
}

/* A test of whether a term of the text satisfies any token of the query */
function matcher(groups) {
  var exact = new Set(), partial = []
  groups.forEach(function (group) {
    group.tokens.forEach(function (token) {
      exact.add(token.term)
      if (token.kind !== "cjk" || token.term.length === 1) partial.push(token)
    })
  })
  return function (term) {
    return exact.has(term) || partial.some(function (token) { return satisfies(term, token) })
  }
}

/* Wrap every span of text whose term satisfies the query in <mark>, merging neighbours; text is escaped */
function mark(pieces, matches) {
  var html = "", marked = false
  pieces.forEach(function (piece) {
    if (piece.tag !== undefined) { html += piece.tag; return }
    var spans = []
    piece.tokens.forEach(function (t) {
      if (!matches(t.term)) return
      var last = spans[spans.length - 1]
      if (last && t.start <= last[1]) last[1] = Math.max(last[1], t.end)
      else spans.push([t.start, t.end])
    })
    var at = 0
    spans.forEach(function (span) {
      html += escapeText(piece.text.slice(at, span[0])) + "<mark>" + escapeText(piece.text.slice(span[0], span[1])) + "</mark>"
      at = span[1]
    })
    html += escapeText(piece.text.slice(at))
    marked = marked || spans.length > 0
  })
  return { html: html, marked: marked }
}

/* An entry's title and text blocks with their tokens, cut once */
function cut(ref) {
  var doc = data.docs[ref], cached = marks.get(ref)
  if (!cached) {
    cached = {
      title: htmlTokens(doc.title),
      blocks: blocks(doc.text).map(function (block) { return [block, htmlTokens(block)] })
    }
    marks.set(ref, cached)
  }
  return cached
}

/* Title and first block, unmarked */
function teaser(ref) {
  var cached = cut(ref)
  return { title: data.docs[ref].title, text: cached.blocks.length ? cached.blocks[0][0] : "" }
}

/* Title with marks, and the first blocks of the text that have marks (else its first block) */
function highlight(ref, matches) {
  var doc = data.docs[ref], cached = cut(ref), shown = []
  for (var i = 0; i < cached.blocks.length && shown.length < TEASER_BLOCKS; i++) {
    var block = mark(cached.blocks[i][1], matches)
    if (block.marked) shown.push(block.html)
  }
  if (!shown.length && cached.blocks.length) shown.push(cached.blocks[0][0])
  return { title: mark(cached.title, matches).html, text: shown.join("") }
}

/* ----------------------------------------------------------------------------
 * Search
 * ------------------------------------------------------------------------- */

/* Results grouped by page, as Material's result list expects them */
function group(items) {
  var pages = new Map()
  items.forEach(function (item) {
    var page = item.location.split("#")[0]
    if (!pages.has(page)) pages.set(page, [])
    pages.get(page).push(item)
  })
  pages.forEach(function (list, page) {
    var ref = data.articles.get(page)
    if (ref !== undefined && !list.some(function (item) { return item.location === page })) {
      /* Material shows only the title of a page added to head its sections */
      list.push({ location: data.docs[ref].location, title: data.docs[ref].title, text: "", score: 0, terms: {} })
    }
  })
  return Array.from(pages.values())
}

/* How a section found by a reading ranks among those with the same share of the query,
   when the query holds customer words (else every reading is the query as typed):
   a section of the paper holding the customer's word as typed, word for word, first;
   then those found by the paper's words, as if these had been typed; then the rest of
   what the query as typed finds (prefixes of longer words: 2fa in "2022 facilities",
   or pages about the paper, such as a URL in the exports) */
function readingRank(reading, readings, ref, groups, terms) {
  if (readings === 1) return 0
  if (reading > 0) return 1
  var page = data.docs[ref].location.split("#")[0]
  return !data.reference.has(page) && complete(groups, terms) ? 2 : 0
}

/* Sections that contain enough of one reading of the query: more of it first, then the
   reading's rank, then lunr's score */
function find(readings, reading) {
  var text = readings[reading]
  var groups = parseQuery(text)
  if (!groups.length) return []
  weigh(groups)
  var results = data.index.query(function (query) {
    groups.forEach(function (group) { group.tokens.forEach(function (token) { addClauses(query, token) }) })
  })
  var found = [], matches = matcher(groups)
  results.forEach(function (result) {
    var terms = Object.keys(result.matchData.metadata), cover = coverage(groups, terms)
    if (cover.value < MIN_COVERAGE) return
    var ref = +result.ref, rank = readingRank(reading, readings.length, ref, groups, terms)
    found.push({
      ref: ref,
      score: Math.round(cover.value * 100) * 1e6 + rank * READING_STEP + result.score,
      terms: cover.terms,
      matches: matches
    })
  })
  return found
}

function search(value) {
  var best = new Map(), readings = self.isosearchVocabulary.readings(value, data.vocabulary)
  readings.forEach(function (_, reading) {
    find(readings, reading).forEach(function (item) {
      var known = best.get(item.ref)
      if (!known || item.score > known.score) best.set(item.ref, item)
    })
  })
  var items = Array.from(best.values()).sort(function (a, b) { return b.score - a.score })
  /* Mark the words only in the results a reader sees first; the rest keep their plain teaser */
  items.forEach(function (item, rank) {
    var shown = rank < HIGHLIGHTED ? highlight(item.ref, item.matches) : teaser(item.ref)
    item.location = data.docs[item.ref].location
    item.title = shown.title
    item.text = shown.text
    delete item.ref
    delete item.matches
  })
  return { items: group(items) }
}

/* ----------------------------------------------------------------------------
 * Messages
 * ------------------------------------------------------------------------- */

addEventListener("message", function (ev) {
  var message = ev.data
  var settled = function (then) { ready.then(then, then) }
  if (message.type === SETUP)
    settled(announce)
  else if (message.type === QUERY)
    settled(function () {
      var result
      try {
        result = search(message.data)
      } catch (err) {
        console.warn("Search failed for query: " + message.data, err)
        result = { items: [] }
      }
      postMessage({ type: RESULT, data: result })
    })
})
