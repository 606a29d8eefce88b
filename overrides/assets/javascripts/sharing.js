/*
 * issue 5: links that sales can paste.
 *
 * - A "copy link" button on every section heading and control entry: it copies the
 *   absolute address of that heading (the page's canonical URL, which the build takes
 *   from site_url, plus its #id) and says so, on screen and to screen readers.
 * - The language switcher carries the reader's place: the section in view (or the one
 *   the address points at) goes along as #id, since both languages share their ids, and
 *   the address's query goes along as it is (the answers page keeps its list in ?ids=).
 * - For print, every link that leaves the document gets its absolute address written
 *   after it (print.css shows data-print-href); print buttons open the print dialog.
 *
 * Highlighting and scrolling below the fixed header are CSS (:target in sharing.css).
 */
(function () {
  "use strict"

  var words = JSON.parse((document.getElementById("__sharing") || {}).textContent || "{}")
  var canonical = document.querySelector('link[rel="canonical"]')
  var pageUrl = canonical ? canonical.href.split("#")[0] : location.href.split("#")[0]
  var headings = document.querySelectorAll(
    "article.md-content__inner h2[id], article.md-content__inner h3[id], article.md-content__inner h4[id]"
  )

  var ICON_LINK =
    '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"><path d="M3.9 12c0-1.71 1.39-3.1 ' +
    "3.1-3.1h4V7H7a5 5 0 0 0-5 5 5 5 0 0 0 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71" +
    ' 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 5-5 5 5 0 0 0-5-5"/></svg>'
  var ICON_DONE =
    '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"><path d="M21 7 9 19l-5.5-5.5 1.41-1.41L9 ' +
    '16.17 19.59 5.59z"/></svg>'

  /* One polite live region for the whole page: it announces each copy. */
  var status = document.createElement("div")
  status.className = "md-visually-hidden share-status"
  status.setAttribute("role", "status")
  status.setAttribute("aria-live", "polite")
  document.body.appendChild(status)

  function announce(text) {
    status.textContent = ""
    window.setTimeout(function () { status.textContent = text }, 50)
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyByCommand(text) })
    }
    return copyByCommand(text)
  }

  function copyByCommand(text) {
    var area = document.createElement("textarea")
    area.value = text
    area.setAttribute("readonly", "")
    area.style.position = "fixed"
    area.style.opacity = "0"
    document.body.appendChild(area)
    area.select()
    var done = false
    try { done = document.execCommand("copy") } catch (error) { done = false }
    document.body.removeChild(area)
    return done ? Promise.resolve() : Promise.reject(new Error("copy failed"))
  }

  function showResult(button, ok, url) {
    var tip = button.querySelector(".share-link__tip")
    tip.textContent = ok ? words.copied : words.failed + ": " + url
    button.classList.add(ok ? "share-link--copied" : "share-link--failed")
    if (ok) button.querySelector(".share-link__icon").innerHTML = ICON_DONE
    announce(tip.textContent)
    window.clearTimeout(button._shareTimer)
    button._shareTimer = window.setTimeout(function () {
      button.classList.remove("share-link--copied", "share-link--failed")
      button.querySelector(".share-link__icon").innerHTML = ICON_LINK
    }, ok ? 2000 : 6000)
  }

  function addButton(heading) {
    var url = pageUrl + "#" + heading.id
    var button = document.createElement("button")
    button.type = "button"
    button.className = "share-link"
    button.title = words.copy
    button.setAttribute("aria-label", words.copy)
    button.setAttribute("data-share-url", url)
    button.innerHTML = '<span class="share-link__icon">' + ICON_LINK + '</span>' +
      '<span class="share-link__tip" aria-hidden="true"></span>'
    button.addEventListener("click", function (event) {
      event.preventDefault()
      event.stopPropagation()
      copyText(url).then(
        function () { showResult(button, true, url) },
        function () { showResult(button, false, url) }
      )
    })
    var permalink = heading.querySelector(".headerlink")
    heading.insertBefore(button, permalink ? permalink.nextSibling : null)
  }

  /* The id of the section the reader is at: the address's target while it is in view,
     else the last heading above the top of the reading area, else none (top of page). */
  function currentAnchor() {
    var header = document.querySelector(".md-header")
    var top = (header ? header.getBoundingClientRect().bottom : 0) + 16
    var target = null
    try {
      target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null
    } catch (err) {  /* a malformed address such as #100% names no section */
    }
    if (target) {
      var box = target.getBoundingClientRect()
      if (box.bottom > 0 && box.top < window.innerHeight) return target.id
    }
    var found = ""
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top <= top) found = headings[i].id
      else break
    }
    return found
  }

  function carryPlace(link) {
    var anchor = currentAnchor()
    link.href = link.href.split(/[?#]/)[0] + location.search + (anchor ? "#" + encodeURIComponent(anchor) : "")
  }

  document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
    ["focus", "mouseenter"].forEach(function (type) {
      link.addEventListener(type, function () { carryPlace(link) })
    })
    /* The browser follows the link as it now is. Material's own handler on the body, which
       looks the page up in a sitemap and drops the #id, must not see this click. */
    link.addEventListener("click", function (event) {
      carryPlace(link)
      event.stopPropagation()
    })
  })

  /* issue 13: no request of the page fails. Once the document has loaded, Material's
     language-selector code (integrations/alternate) fetches sitemap.xml next to every
     <link rel="alternate">, to map pages between languages for its click handler. Our
     hreflang links name each page's own twin (/operations/, /en/operations/), so it asked
     for /operations/sitemap.xml and /en/operations/sitemap.xml and got 404s, for a handler
     the switcher above already keeps out. The links stay in the page for search engines
     and are out of Material's sight only while it looks: a capturing listener on the window
     runs before Material's on the document, a bubbling one after it. */
  var hreflangLinks = document.querySelectorAll('link[rel="alternate"][hreflang]')
  window.addEventListener("DOMContentLoaded", function () {
    hreflangLinks.forEach(function (link) { link.rel = "" })
  }, true)
  window.addEventListener("DOMContentLoaded", function () {
    hreflangLinks.forEach(function (link) { link.rel = "alternate" })
  })

  headings.forEach(addButton)

  /* Material's search dialog has no name of its own (axe: aria-dialog-name): it takes its field's. */
  var search = document.querySelector('.md-search[role="dialog"]:not([aria-label]):not([aria-labelledby])')
  var field = document.querySelector(".md-search__input[aria-label]")
  if (search && field) search.setAttribute("aria-label", field.getAttribute("aria-label"))

  document.querySelectorAll("article.md-content__inner a[href]").forEach(function (link) {
    var href = link.getAttribute("href")
    if (href.charAt(0) === "#" || link.classList.contains("headerlink")) return
    var address
    try { address = new URL(href, pageUrl).href.replace(/^mailto:/, "") } catch (error) { return }
    /* A link that already shows its address (<https://…>, an e-mail address) prints as it is. */
    if (link.textContent.trim() !== address) link.setAttribute("data-print-href", address)
  })

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false
    button.addEventListener("click", function () { window.print() })
  })
})()
