/**
 * The way on when search finds no answer in the white paper (issue 15).
 *
 * overrides/partials/isosearch-no-answer.html renders the panel into a <template>; this
 * puts it into Material's search dialog, above the result list, and watches what the
 * list shows. When a search has found nothing, or nothing but pages about the paper
 * (the control index, the crosswalk, the exports: the template lists them), the panel
 * says so in the page's language and offers the ways on (the contact page, the answers
 * by control number).
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

  /* After each rendering of the result list: is the query answered? */
  function update() {
    var query = input.value.trim()
    var links = Array.prototype.slice.call(list.querySelectorAll("a[href]"))
    if (!query || links.some(answers)) return hide()
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
