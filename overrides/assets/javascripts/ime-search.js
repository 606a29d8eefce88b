/*
 * issue 13: search as a Japanese reader types, through an input method.
 *
 * Material's search box (9.8.2, components/search/query) reads the field only on `keyup`,
 * on focus and when its worker says READY. With an input method the text often arrives
 * without a key: choosing a candidate from a phone's suggestion bar, pasting from a menu,
 * autofill and voice input fire `input` and `compositionend`, but no `keyup`, so the
 * results stayed empty or stale. This script tells Material when the text has really
 * changed, and keeps the keys of a composition away from Material's shortcuts:
 *
 * - after `compositionend`, and on every `input` outside a composition, it hands the field
 *   to Material the way Material reads it: a `keyup` on the field (not bubbling, so only
 *   the field's own listeners see it; Material ignores repeats of the same text);
 * - no query is sent in the middle of a composition: the keys typed while composing
 *   (`keyup` and `keydown` with `isComposing`) never reach Material, and a query Material
 *   sends to its worker while the reader converts (it reads the field when its worker says
 *   READY, which on a slow network comes mid-conversion, and on focus) is held back: when
 *   the composition ends Material sends the committed text, or, if that is the text it
 *   already sent, the held query goes to the worker then (Material's worker exists before
 *   this script runs, so its QUERY messages are caught on Worker.prototype.postMessage);
 * - the Enter or arrow key that confirms or moves through a conversion never reaches
 *   Material's keyboard handler, which would otherwise open the first result;
 * - a query typed before the search index is ready is answered when it is: Material sends
 *   the field's last value once its worker is READY, and this script makes sure Material
 *   has seen that value however it was typed.
 *
 * Which keys belong to a composition is decided per composition session, not per key,
 * as ProseMirror's editor does (prosemirror-view, inOrNearComposition): a key belongs to
 * the session while one is open (compositionstart … compositionend, or the event's own
 * `isComposing`), and one more keydown does if it reports keyCode 229 within
 * CONFIRM_WINDOW_MS of the session's end, because Safari fires `compositionend` before the
 * keydown of the Enter that confirmed it. keyCode 229 alone decides nothing: Android
 * keyboards report every key as 229, composing or not, so a test on 229 alone would make
 * Enter never open a result on Android. Outside a session every key reaches Material.
 */
(function () {
  "use strict"

  var field = document.querySelector('[data-md-component="search-query"]')
  if (!field) return

  /* The confirming key reaches the page a few milliseconds after compositionend (it is the
     same key press); a reader needs 300 ms or more to tap a candidate and then Enter, which
     must open the first result. (ProseMirror waits 500 ms, where a lost Enter costs less.) */
  var CONFIRM_WINDOW_MS = 200

  var QUERY = 2  /* Material's worker protocol: SETUP 0, READY 1, QUERY 2, RESULT 3 */

  var composing = false
  var endedAt = -Infinity
  var held = null      /* the query Material sent while the reader was converting: { worker, message } */
  var sent = 0         /* queries that went to the worker */

  var post = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY) {
      if (composing) {
        held = { worker: this, message: message }
        return
      }
      sent++
    }
    return post.apply(this, arguments)
  }

  function handToMaterial() {
    field.dispatchEvent(new KeyboardEvent("keyup", { key: "Unidentified" }))
  }

  function belongsToComposition(event) {
    if (event.isComposing || composing) return true
    if (event.type === "keydown" && event.keyCode === 229 && event.timeStamp - endedAt < CONFIRM_WINDOW_MS) {
      endedAt = -Infinity  /* only the one key that confirmed the session */
      return true
    }
    return false
  }

  field.addEventListener("compositionstart", function () {
    composing = true
  })
  field.addEventListener("compositionend", function (event) {
    composing = false
    endedAt = event.timeStamp
    var before = sent, query = held
    held = null
    handToMaterial()
    if (query && sent === before) Worker.prototype.postMessage.call(query.worker, query.message)
  })
  field.addEventListener("input", function (event) {
    if (!event.isComposing && !composing) handToMaterial()
  })

  /* Capturing at the window runs before the field's and the window's own listeners,
     where Material listens; stopping the event there hides it from both. The browser's
     default action (the input method's own handling of the key) is left alone. */
  ;["keydown", "keyup"].forEach(function (type) {
    window.addEventListener(type, function (event) {
      if (event.target === field && belongsToComposition(event)) event.stopPropagation()
    }, true)
  })
})()
