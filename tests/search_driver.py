"""Drive Material's search box in Chromium: type a query, wait for its results, time it.

Shared by tests/test_search_browser.py and benchmarks/search_benchmark.py. It works with
any worker that speaks Material's protocol (ours or Material's own), so both are
measured the same way: from the keyup that sends a value to the moment the result list
has been rendered for that value.

An init script watches the page's search worker: it notes when the worker says READY,
which value each QUERY message carried and, since a worker answers its messages in
order, which value each RESULT answers and when the page had rendered it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

QUERIES_FILE = Path(__file__).with_name("search_queries.yaml")
"""The query table: what readers type, in the paper's words, and the sections that must come up."""

CUSTOMER_QUERIES_FILE = Path(__file__).with_name("search_customer_queries.yaml")
"""The customer-word table: what reviewers type in their own words, and the sections that must come up."""

LANGUAGES = ("ja", "en")
"""The site's languages, default (at the site root) first."""

WATCH_WORKER = """
(() => {
  const Native = window.Worker
  const watch = window.__search = { readyAt: null, readies: 0, queries: [], sent: [], answers: [] }
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options)
      this.addEventListener("message", ev => {
        if (!ev.data) return
        if (ev.data.type === 1) watch.readies++
        if (ev.data.type === 1 && watch.readyAt === null) watch.readyAt = performance.now()
        if (ev.data.type === 3) {
          const value = watch.sent.shift()
          const items = ev.data.data.items.length
          // Material renders in its own listener, which runs after this one:
          // a zero timeout fires once the whole message has been handled.
          setTimeout(() => watch.answers.push({ value, items, at: performance.now() }), 0)
        }
      })
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) watch.sent.push(message.data), watch.queries.push(message.data)
      return super.postMessage(message, ...rest)
    }
  }
})()
"""
"""Init script: when the worker was ready (and how often it said so), every query sent, and each result
with the value it answers and when it was shown."""

TYPE_VALUES = """
async ({ values, timeout }) => {
  const input = document.querySelector("input.md-search__input")
  const watch = window.__search
  const send = value => {
    const from = watch.answers.length
    const start = performance.now()
    input.value = value
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
    return new Promise((resolve, reject) => {
      const poll = () => {
        const answer = watch.answers.slice(from).find(answer => answer.value === value)
        if (answer) resolve(answer.at - start)
        else if (performance.now() - start > timeout) reject(new Error("no result for " + JSON.stringify(value)))
        else setTimeout(poll, 1)
      }
      poll()
    })
  }
  if (input.value !== "") await send("")
  const ms = []
  for (const value of values) ms.push(await send(value))
  const links = [...document.querySelectorAll(".md-search-result__list a.md-search-result__link")]
  return {
    ms,
    results: links.map(link => ({
      href: link.href,
      score: parseFloat(link.querySelector("article").dataset.mdScore),
    })),
  }
}
"""
"""Page function: send each value in turn (a keyup, as Material listens for), each once the last one's results are shown."""

RESULT_TIMEOUT_MS = 30_000
"""How long a value may wait for its results before the page function gives up with the value's name."""


@dataclass(frozen=True)
class Query:
    """One row of a query table, for one language."""

    text: str
    language: str
    expect: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.language}:{self.text}"


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    """A query table, one ``Query`` per row and language (``both`` gives two)."""
    rows: Sequence[Mapping[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for row in rows:
        languages = LANGUAGES if row["lang"] == "both" else (row["lang"],)
        for language in languages:
            queries.append(Query(str(row["q"]), language, tuple(row["expect"])))
    return queries


def language_root(language: str) -> str:
    """Where a language's pages live, relative to the site: ``""`` or ``"en/"``."""
    return "" if language == LANGUAGES[0] else f"{language}/"


def found_in_first_five(query: Query, results: Sequence[str]) -> bool:
    """Whether every section the query expects is among its first five results."""
    root = language_root(query.language)
    return all(root + section in results[:5] for section in query.expect)


def open_search(page: Any, url: str) -> None:
    """Open a page with the worker watched, focus the search box and wait until search is ready."""
    page.add_init_script(WATCH_WORKER)
    page.goto(url)
    page.focus("input.md-search__input")
    page.wait_for_function("() => window.__search && window.__search.readyAt !== null", timeout=15_000)


def type_values(page: Any, values: Sequence[str]) -> tuple[list[float], list[str]]:
    """Send each value as the search box's content in turn; the milliseconds to each one's results
    and the result paths of the last, in order.

    Paths are site-relative with the anchor (``en/operations/#backup``); the page headers
    that Material adds only to group sections (score 0) are left out.
    """
    outcome = page.evaluate(TYPE_VALUES, {"values": list(values), "timeout": RESULT_TIMEOUT_MS})
    paths = [_site_path(result["href"]) for result in outcome["results"] if result["score"] > 0]
    return outcome["ms"], paths


def keystrokes(query: str) -> list[str]:
    """What the search box holds after each key of ``query``: one character more each time."""
    return [query[:end] for end in range(1, len(query) + 1)]


def search(page: Any, query: str) -> tuple[float, list[str]]:
    """Put ``query`` into the search box at once; the milliseconds to its results and the result paths."""
    times, paths = type_values(page, [query])
    return times[0], paths


def _site_path(href: str) -> str:
    parts = urlsplit(href)
    return parts.path.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")
