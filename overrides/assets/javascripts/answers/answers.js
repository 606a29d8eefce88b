/*
 * issue 12: the answers page (docs/ja/answers.md, docs/en/answers.md; template overrides/answers.html).
 *
 * A person pastes control numbers; for each item, in the order asked, the page shows the
 * control it resolves to (resolve.js), its counterparts in the other edition of ISO/IEC 27001,
 * and the full text of every section of the white paper that cites it, from the data the
 * build writes (answers/data.<lang>.json, hooks/isocontrols/answers/data.py).
 *
 * - The list lives in the address, as canonical spellings joined by commas:
 *   ?ids=A.9.2.3,8.13,CLD.6.3.1 (text that is no control number is kept as typed). Typing
 *   updates it without reloading (history.replaceState); opening it restores the list.
 * - "Copy as table" puts the answers on the clipboard as a table, both as tab-separated text
 *   and as an HTML table, which Excel and Google Sheets paste as rows and columns.
 * - Everything from the data goes into text nodes and attributes, never into markup.
 * The columns and words are those of the checklist filler (hooks/isocontrols/answers/words.py),
 * and each answer is the one data.py's answer() gives; tests/test_answers_browser.py checks both.
 */
(function () {
  "use strict"

  var root = document.querySelector("[data-answers]")
  if (!root || !window.answersResolve) return
  var R = window.answersResolve
  var CONTROLS = [R.CONTROL_2013, R.CONTROL_27017, R.CONTROL_2022]
  var input = root.querySelector("textarea")
  var copyButton = root.querySelector("[data-answers-copy]")
  var status = root.querySelector("[data-answers-status]")
  var results = root.querySelector("[data-answers-results]")

  var config = JSON.parse(document.getElementById("__config").textContent)
  var base = new URL(config.base.replace(/\/?$/, "/"), location.href)
  var language = document.documentElement.lang
  var data = null, known = null, shown = []

  /* ---- the answer to one item (as data.py's answer()) ---- */

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all })
  }

  function titled(id, item, path) {
    return { id: id, title: item.title, titleLang: item.title_lang, path: path === undefined ? item.path : path }
  }

  function answerOf(asked) {
    var words = data.words
    if (asked.kind === R.CONTROL_2013 || asked.kind === R.CONTROL_27017) {
      var control = data.controls[asked.id]
      var named = control.ids_2022.map(function (id) { return titled(id, data.controls_2022[id]) })
      return controlAnswer(asked, asked.id, control, named, words.not_cited)
    }
    if (asked.kind === R.CONTROL_2022) {
      var control2022 = data.controls_2022[asked.id]
      var sources = control2022.ids_2013.map(function (id) { return titled(id, data.controls[id]) })
      var cell = fill(words.control_2022, { id: asked.id })
      return controlAnswer(asked, cell, control2022, sources, sources.length ? words.not_cited_2022 : words.new_in_2022)
    }
    if (asked.kind === R.GROUP) {
      var group = data.groups[asked.id]
      var message = fill(words[group.level], { ids: group.controls.join(words.list_separator) })
      return plain(asked, asked.id, titled(asked.id, group, null), message)
    }
    if (asked.kind === R.UNKNOWN) {
      var unknown = fill(asked.suggestion ? words.unknown_suggestion : words.unknown, { id: asked.id, suggestion: asked.suggestion })
      return plain(asked, asked.id, null, unknown)
    }
    return plain(asked, "", null, words.text)
  }

  function controlAnswer(asked, cell, control, equivalents, missing) {
    var sections = control.sections.map(function (key) {
      var section = data.sections[key]
      return { label: section.label, path: section.path, text: section.text, outdated: section.outdated ? data.words.outdated : "" }
    })
    return {
      asked: asked, status: sections.length ? "answered" : "not_addressed", control: cell,
      named: titled(cell, control), equivalents: equivalents, sections: sections, message: sections.length ? "" : missing
    }
  }

  function plain(asked, cell, named, message) {
    return { asked: asked, status: "no_control", control: cell, named: named, equivalents: [], sections: [], message: message }
  }

  function answerText(answer) {
    var parts = answer.sections.map(function (section) {
      return [section.label, section.outdated, section.text].filter(Boolean).join("\n")
    })
    return parts.join("\n\n") || answer.message
  }

  function absolute(path) {
    return new URL(path, data.site_url).href
  }

  /* ---- the page ---- */

  function el(tag, attributes, children) {
    var node = document.createElement(tag)
    Object.keys(attributes || {}).forEach(function (name) {
      if (attributes[name] !== null && attributes[name] !== undefined) node.setAttribute(name, attributes[name])
    })
    ;(children || []).forEach(function (child) {
      if (child !== null && child !== undefined)
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child)
    })
    return node
  }

  /* A title, marked as English where the page is Japanese and no Japanese title is recorded */
  function titleNode(item) {
    return el("span", { lang: item.titleLang !== language ? item.titleLang : null }, [item.title])
  }

  function link(path, children) {
    return el("a", { href: new URL(path, base).href, "data-print-href": absolute(path) }, children)
  }

  function fact(term, value) {
    return el("div", {}, [el("dt", {}, [term]), el("dd", {}, value)])
  }

  function equivalentNodes(answer) {
    var nodes = []
    answer.equivalents.forEach(function (item, index) {
      if (index) nodes.push(data.words.list_separator)
      var label = [item.id + " ", titleNode(item)]
      nodes.push(item.path ? link(item.path, label) : el("span", {}, label))
    })
    return nodes
  }

  function equivalentsFact(answer) {
    var words = data.words
    var kind = answer.asked.kind
    if (kind === R.CONTROL_27017) return fact(words.equivalents_2022, [words.no_2022_for_cld])
    if (!answer.equivalents.length) return null
    return fact(kind === R.CONTROL_2022 ? words.equivalents_2013 : words.equivalents_2022, equivalentNodes(answer))
  }

  function heading(answer, number) {
    var named = answer.named
    var label = named ? [answer.control + " ", titleNode(named)] : [answer.control || answer.asked.typed]
    return el("h2", { id: "answer-" + number, class: "answer__title" }, named && named.path ? [link(named.path, label)] : label)
  }

  function paragraphs(text) {
    return text.split("\n\n").map(function (paragraph) { return el("p", {}, [paragraph]) })
  }

  function entry(answer, number) {
    var words = data.words
    var kind = answer.asked.kind
    var facts = el("dl", { class: "answer__facts" }, [
      fact(words.asked, [answer.asked.typed]),
      fact(words.status, [el("span", { class: "answer__status" }, [words[answer.status]])]),
      CONTROLS.indexOf(kind) >= 0 ? fact(words.standard, [words[kind]]) : null,
      equivalentsFact(answer)
    ])
    var body = answer.sections.length
      ? [el("p", { class: "answer__label" }, [words.sections])].concat(answer.sections.map(function (section) {
        return el("section", { class: "answer__section" }, [
          el("h3", {}, [link(section.path, [section.label])]),
          section.outdated ? el("p", { class: "answer__outdated", role: "note" }, [section.outdated]) : null,
          el("div", { class: "answer__text" }, paragraphs(section.text))
        ])
      }))
      : [el("p", { class: "answer__message" }, [answer.message])]
    return el("li", { class: "answer answer--" + answer.status, "aria-labelledby": "answer-" + number },
      [heading(answer, number), facts].concat(body))
  }

  function render() {
    var items = R.resolve(input.value, known)
    shown = items.map(answerOf)
    var counts = { answered: 0, not_addressed: 0, no_control: 0 }
    shown.forEach(function (answer) { counts[answer.status]++ })
    results.replaceChildren(shown.length ? el("ol", { class: "answers__list" }, shown.map(function (answer, index) {
      return entry(answer, index + 1)
    })) : "")
    status.textContent = shown.length ? fill(data.words.summary, Object.assign({ count: shown.length }, counts)) : ""
    copyButton.disabled = !shown.length
    remember(R.addressList(items))
  }

  /* ---- the address ---- */

  function remember(ids) {
    var query = ids.length ? "?ids=" + ids.map(encodeURIComponent).join(",") : ""
    var address = location.pathname + query + location.hash
    if (address !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", address)
  }

  function restore() {
    var ids = new URLSearchParams(location.search).get("ids")
    if (ids) input.value = ids.split(",").join("\n")
  }

  /* ---- copy as table ---- */

  var FORMULA_START = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

  /* A cell a spreadsheet will not run as a formula (as escaping.csv_cell) */
  function safeCell(text) {
    return FORMULA_START.some(function (start) { return text.indexOf(start) === 0 }) ? "'" + text : text
  }

  function rows() {
    var words = data.words
    var header = ["asked", "control", "title", "equivalents", "sections", "links", "answer", "status"].map(function (key) {
      return words["column_" + key]
    })
    return [header].concat(shown.map(function (answer) {
      return [
        answer.asked.typed,
        answer.control,
        answer.named ? answer.named.title : "",
        answer.equivalents.map(function (item) { return item.id + " " + item.title }).join("\n"),
        answer.sections.map(function (section) { return section.label }).join("\n"),
        answer.sections.map(function (section) { return absolute(section.path) }).join("\n"),
        answerText(answer),
        words[answer.status]
      ]
    })).map(function (row) { return row.map(safeCell) })
  }

  function tsv(table) {
    return table.map(function (row) {
      return row.map(function (cell) {
        return /[\t\n\r"]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell
      }).join("\t")
    }).join("\r\n") + "\r\n"
  }

  var LINKS_COLUMN = 5

  /* Text as HTML text or a double-quoted attribute value */
  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
  }

  /* An HTML table: line breaks that Excel keeps inside the cell, text that Excel keeps as text (5.10 stays 5.10).
     Written as a string, never as elements of this page: the styles Excel reads would be inline
     style attributes, which the page's Content-Security-Policy forbids in its own document. */
  function html(table) {
    var cellStyle = escapeHtml("mso-number-format:'\\@';vertical-align:top;white-space:pre-wrap")
    var body = table.map(function (row, rowIndex) {
      var tag = rowIndex ? "td" : "th"
      return "<tr>" + row.map(function (cell, column) {
        var lines = cell ? cell.split("\n") : []
        var content = lines.map(function (line) {
          var text = escapeHtml(line)
          return column === LINKS_COLUMN && rowIndex ? '<a href="' + text + '">' + text + "</a>" : text
        }).join('<br style="mso-data-placement:same-cell">')
        return "<" + tag + ' style="' + cellStyle + '">' + content + "</" + tag + ">"
      }).join("") + "</tr>"
    })
    return '<meta charset="utf-8"><table><thead>' + body.slice(0, 1).join("") + "</thead><tbody>" + body.slice(1).join("") + "</tbody></table>"
  }

  function copyByEvent(text, markup) {
    var done = false
    function listener(event) {
      event.clipboardData.setData("text/plain", text)
      event.clipboardData.setData("text/html", markup)
      event.preventDefault()
      done = true
    }
    document.addEventListener("copy", listener)
    try { document.execCommand("copy") } catch (error) { done = false }
    document.removeEventListener("copy", listener)
    return done ? Promise.resolve() : Promise.reject(new Error("copy failed"))
  }

  function copyTable() {
    var table = rows()
    var text = tsv(table), markup = html(table)
    /* The copy event first: its clipboardData takes the table's HTML as it is. The asynchronous
       Clipboard API would have the browser parse that HTML in this page, whose policy refuses
       the inline styles Excel reads (a report per cell); it is the way on where the event fails. */
    var written = copyByEvent(text, markup).catch(function () {
      if (!(navigator.clipboard && window.ClipboardItem && window.isSecureContext)) throw new Error("copy failed")
      return navigator.clipboard.write([new ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([markup], { type: "text/html" })
      })])
    })
    written.then(
      function () { say(fill(data.words.copied, { count: table.length - 1 })) },
      function () { say(data.words.copy_failed) }
    )
  }


  function say(text) {
    status.textContent = ""
    window.setTimeout(function () { status.textContent = text }, 50)
  }

  /* ---- wiring ---- */

  var timer = 0
  function schedule() {
    window.clearTimeout(timer)
    timer = window.setTimeout(render, 120)
  }

  function start(loaded) {
    if (loaded.schema_version !== 1) throw new Error("answers data: schema " + loaded.schema_version)
    data = loaded
    known = R.known(Object.keys(data.controls), Object.keys(data.controls_2022), Object.keys(data.groups))
    input.addEventListener("input", function (event) { if (!event.isComposing) schedule() })
    input.addEventListener("compositionend", schedule)
    copyButton.addEventListener("click", copyTable)
    root.setAttribute("data-answers-ready", "")
    render()
  }

  restore()
  status.textContent = root.getAttribute("data-loading")
  fetch(new URL("answers/data." + language + ".json", base))
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url)
      return response.json()
    })
    .then(start)
    .catch(function () { status.textContent = root.getAttribute("data-load-failed") })
})()
