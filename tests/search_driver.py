"""Drive Material's search box in Chromium: type a query, wait for its results, time it.

Shared by tests/test_search_browser.py and benchmarks/search_benchmark.py. It works with
any worker that speaks Material's protocol (ours or Material's own), so both are
measured the same way: from the keyup that sends the query to the moment the result
list has been rendered for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

QUERIES_FILE = Path(__file__).with_name("search_queries.yaml")
"""The query table: what readers type and the sections that must come up."""

LANGUAGES = ("ja", "en")
"""The site's languages, default (at the site root) first."""

WATCH_WORKER = """
(() => {
  const Native = window.Worker
  window.__search = { ready: false, results: 0, at: 0 }
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options)
      this.addEventListener("message", ev => {
        if (ev.data && ev.data.type === 1) window.__search.ready = true
        // Material renders in its own listener, which runs after this one:
        // a zero timeout fires once the whole message has been handled.
        if (ev.data && ev.data.type === 3)
          setTimeout(() => { window.__search.at = performance.now(); window.__search.results++ }, 0)
      })
    }
  }
})()
"""
"""Init script: count the worker's READY and RESULT messages and note when a result is shown."""

TYPE_AND_WAIT = """
async (query) => {
  const input = document.querySelector("input.md-search__input")
  const send = value => {
    const before = window.__search.results
    input.value = value
    const start = performance.now()
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
    return new Promise(resolve => {
      const poll = () => window.__search.results > before
        ? resolve(window.__search.at - start)
        : setTimeout(poll, 1)
      poll()
    })
  }
  if (input.value === query) await send("")
  const ms = await send(query)
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
"""Page function: type one query (a keyup, as Material listens for), wait for its results."""


@dataclass(frozen=True)
class Query:
    """One row of the query table, for one language."""

    text: str
    language: str
    expect: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.language}:{self.text}"


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    """The query table, one ``Query`` per row and language (``both`` gives two)."""
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


def open_search(page: Any, url: str) -> None:
    """Open a page with the worker watched, focus the search box and wait until search is ready."""
    page.add_init_script(WATCH_WORKER)
    page.goto(url)
    page.focus("input.md-search__input")
    page.wait_for_function("() => window.__search && window.__search.ready", timeout=15_000)


def search(page: Any, query: str) -> tuple[float, list[str]]:
    """Type ``query``; the milliseconds to its results and the result paths that matched, in order.

    Paths are site-relative with the anchor (``en/operations/#backup``); the page headers
    that Material adds only to group sections (score 0) are left out.
    """
    outcome = page.evaluate(TYPE_AND_WAIT, query)
    paths = [_site_path(result["href"]) for result in outcome["results"] if result["score"] > 0]
    return outcome["ms"], paths


def _site_path(href: str) -> str:
    parts = urlsplit(href)
    return parts.path.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")
