/**
 * The way on when search finds no answer in the white paper (issue 15).
 *
 * overrides/partials/isosearch-no-answer.html renders the panel into a <template>; this
 * puts it into Material's search dialog, above the result list, and watches what the
 * list shows. When a search has found nothing, or nothing but pages about the paper
 * (the control index, the crosswalk, the exports: the template lists them), or when a
 * word of the query is missing from every section found ("SOC 2" finds sections with a
 * "2", each marked "Missing: soc"), the panel says so in the page's language and offers
 * the ways on (the contact page, the answers by control number). The results stay below it.
 *
 * - It reads only the rendered result list, so it works with any search worker.
 * - The message is a live region (role="status"), announced once the list has stayed
 *   unanswered for SETTLE_MS, so that each key of a word being typed is not announced.
 * - Keyboard: in Material's dialog Tab closes search and the arrow keys move between the
 *   search box and the results; while the panel shows, the arrow keys move through the
 *   box, the panel's links and the results in that order (Material's own handler, on
 *   window, would skip the panel). Keys that confirm an input-method conversion are left alone.
 */
(function () {
  "use strict"

  var SETTLE_MS = 300

  var template = document.getElementById("__isosearch_no_answer")
  var input = document.querySelector("input.md-search__input")
  var result = document.querySelector(".md-search-result")
  if (!template || !input || !result) return

  var panel = template.content.firstElementChild.cloneNode(true)
  result.parentNode.insertBefore(panel, result)
  var status = panel.querySelector(".isosearch-no-answer__status")
  var ways = panel.querySelector(".isosearch-no-answer__ways")
  var list = result.querySelector(".md-search-result__list")
  var message = template.getAttribute("data-message")
  var reference = JSON.parse(template.getAttribute("data-reference")).map(function (href) {
    return new URL(href, location.href).pathname
  })
  var timer = 0

  /* Whether a result is a section of the paper itself, not a page about it */
  function answers(link) {
    return reference.indexOf(new URL(link.href, location.href).pathname) < 0
  }

  function show(query) {
    var text = message.replace("{query}", query)
    if (status.textContent !== text) status.textContent = text
    ways.hidden = false
  }

  function hide() {
    clearTimeout(timer)
    status.textContent = ""
    ways.hidden = true
  }

  /* The words Material marks "Missing" on a result ("Missing: soc") */
  function missingWords(link) {
    return Array.prototype.map.call(link.querySelectorAll(".md-search-result__terms del"), function (word) {
      return word.textContent
    })
  }

  /* Whether a result matched the query: a page the worker adds only to head its sections
     shows its title alone (no marked word, no text, no "Missing" line) */
  function matched(link) {
    return link.querySelector("article mark, article > p") !== null
  }

  /* Whether one word of the query is missing from every section found */
  function missingEverywhere(links) {
    return links.length > 0 && links.map(missingWords).reduce(function (common, missing) {
      return common.filter(function (word) { return missing.indexOf(word) >= 0 })
    }).length > 0
  }

  /* After each rendering of the result list: is the query answered? */
  function update() {
    var query = input.value.trim()
    var sections = Array.prototype.slice.call(list.querySelectorAll("a[href]")).filter(answers)
    if (!query || (sections.length && !missingEverywhere(sections.filter(matched)))) return hide()
    clearTimeout(timer)
    timer = setTimeout(function () { show(query) }, SETTLE_MS)
  }

  new MutationObserver(update).observe(result, { childList: true, subtree: true, characterData: true })
  input.addEventListener("input", function () { if (!input.value.trim()) hide() })

  document.addEventListener("keydown", function (event) {
    if (ways.hidden || event.isComposing || event.keyCode === 229) return
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return
    var stops = [input].concat(
      Array.prototype.slice.call(ways.querySelectorAll("a[href]")),
      Array.prototype.slice.call(result.querySelectorAll(":not(details) > [href], summary, details[open] [href]"))
    )
    var at = stops.indexOf(document.activeElement)
    if (at < 0) return
    stops[(at + stops.length + (event.key === "ArrowUp" ? -1 : 1)) % stops.length].focus()
    event.preventDefault()
    event.stopPropagation()
  })
})()
