"""Benchmark: our per-language search against stock Material search, on the same pages.

Builds the site twice into a temporary folder, once as it is and once with
``extra.per_language_search: false`` (stock Material search: one merged index, built in
the browser), serves
both on localhost and types the query table of tests/search_queries.yaml into Chromium's
search box. For each language it prints the index size (raw and gzip), the time from
opening the page to search being ready, the median time from typing (keyup) to the
rendered result list, the same with the CPU slowed four times (a phone), and how many
queries find their sections among the first five results.

    .venv/bin/python benchmarks/search_benchmark.py [--rounds 3] [--update-docs]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]

from search_driver import LANGUAGES, Query, language_root, load_queries, open_search, search  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
START_PAGES = {"ja": "operations/", "en": "en/operations/"}
"""The page each language's queries are typed on (as in the browser tests)."""

READING_MS = 1000
"""Pause between search being ready and the first query, as a reader looks at the page first."""

PHONE_SLOWDOWN = 4
"""CPU throttling rate for the phone-like run (Chrome DevTools' "mid-tier mobile")."""


@dataclass(frozen=True)
class Variant:
    """One build of the site: ours or stock Material search."""

    name: str
    site: Path

    def index_files(self, language: str) -> list[Path]:
        if self.name == "stock":
            return [self.site / "search" / "search_index.json"]
        return [self.site / "search" / f"index.{language}.json"]


@dataclass
class Measure:
    raw: int
    gzipped: int
    ready_ms: float
    median_ms: float
    phone_median_ms: float
    found: int
    total: int


def build(site_dir: Path, stock: bool) -> Path:
    """Build the real site; for ``stock``, with Material's own search (``extra.per_language_search: false``)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.utils import yaml_load

    overrides: dict[str, Any] = {}
    if stock:
        with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
            extra = yaml_load(file).get("extra", {})
        overrides["extra"] = {**extra, "per_language_search": False}
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), **overrides)
    mkdocs_build(config)
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def _found(query: Query, results: list[str]) -> bool:
    expected = [language_root(query.language) + section for section in query.expect]
    return all(section in results[:5] for section in expected)


@dataclass
class _Run:
    """One variant's page for one language while the table is typed."""

    variant: Variant
    page: Any
    ready_ms: float
    times: list[float]
    phone_times: list[float]
    found: int = 0


def _open(browser: Any, variant: Variant, url: str, language: str) -> _Run:
    page = browser.new_context().new_page()
    started = time.perf_counter()
    open_search(page, url + START_PAGES[language])
    return _Run(variant, page, (time.perf_counter() - started) * 1000, [], [])


def _type_table(runs: list[_Run], queries: list[Query], rounds: int, phone: bool) -> None:
    """Type every query into each variant in turn, so that both see the same machine load."""
    for round_number in range(rounds):
        for query in queries:
            for run in runs:
                ms, results = search(run.page, query.text)
                (run.phone_times if phone else run.times).append(ms)
                run.found += not phone and round_number == 0 and _found(query, results)


def measure(browser: Any, variants: list[tuple[Variant, str]], language: str, rounds: int) -> dict[str, Measure]:
    """Open a page of ``language`` in every variant and type the table into them side by side."""
    queries = [query for query in load_queries() if query.language == language]
    runs = [_open(browser, variant, url, language) for variant, url in variants]
    runs[0].page.wait_for_timeout(READING_MS)
    _type_table(runs, queries, rounds, phone=False)
    for run in runs:
        session = run.page.context.new_cdp_session(run.page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_SLOWDOWN})
    _type_table(runs, queries, rounds, phone=True)
    measures = {}
    for run in runs:
        files = run.variant.index_files(language)
        measures[run.variant.name] = Measure(
            raw=sum(path.stat().st_size for path in files),
            gzipped=sum(len(gzip.compress(path.read_bytes(), 9)) for path in files),
            ready_ms=run.ready_ms,
            median_ms=statistics.median(run.times),
            phone_median_ms=statistics.median(run.phone_times),
            found=run.found,
            total=len(queries),
        )
        run.page.context.close()
    return measures


def _kb(size: int) -> str:
    return f"{size / 1024:.1f}"


HEADERS = (
    "Page language", "Search", "Index KiB (raw)", "Index KiB (gzip)", "Ready, ms",
    "Typing to results, median ms", f"Same, CPU ×{PHONE_SLOWDOWN} (phone), ms", "Queries found in first 5",
)
"""Column headings of the report."""

NAMES = {"stock": "Material (stock)", "ours": "this site"}

NOTE = (
    "Median over the query table typed {rounds}× per language, at full speed and again with the CPU slowed {slowdown}×. Material's standard "
    "search loads `search/search_index.json` (both languages); this site loads `search/index.<language>.json`. "
    "Ready: from opening the page to search being ready. Material's search box still asks this site's pages for "
    "Material's file, which here holds no page (about 200 bytes): the hook asks Material's search plugin to index none."
)


def report(results: dict[tuple[str, str], Measure], rounds: int) -> str:
    """The results as a Markdown table with a note."""
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + " --- |" * len(HEADERS)]
    for (language, name), m in results.items():
        cells = [
            language, NAMES[name], _kb(m.raw), _kb(m.gzipped), f"{m.ready_ms:.0f}",
            f"{m.median_ms:.1f}", f"{m.phone_median_ms:.1f}", f"{m.found}/{m.total}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", NOTE.format(rounds=rounds, slowdown=PHONE_SLOWDOWN)]
    return "\n".join(lines)


MARKERS = ("<!-- search-benchmark:start -->", "<!-- search-benchmark:end -->")
"""Where the report goes in docs-dev/search.md (engineering notes, not published)."""

REPORT_PAGE = ROOT / "docs-dev" / "search.md"


def update_docs(results: dict[tuple[str, str], Measure], rounds: int) -> None:
    """Write the report between the markers of the search notes."""
    text = REPORT_PAGE.read_text(encoding="utf-8")
    before, rest = text.split(MARKERS[0], 1)
    _, after = rest.split(MARKERS[1], 1)
    REPORT_PAGE.write_text(f"{before}{MARKERS[0]}\n{report(results, rounds)}\n{MARKERS[1]}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="times the query table is typed per language")
    parser.add_argument("--update-docs", action="store_true", help="also write the table into docs-dev/search.md")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="search-benchmark-") as tmp:
        variants = [
            Variant("stock", build(Path(tmp) / "stock", stock=True)),
            Variant("ours", build(Path(tmp) / "ours", stock=False)),
        ]
        results: dict[tuple[str, str], Measure] = {}
        with sync_playwright() as playwright, serve(variants[0].site) as stock_url, serve(variants[1].site) as our_url:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for language in LANGUAGES:
                measures = measure(browser, [(variants[0], stock_url), (variants[1], our_url)], language, args.rounds)
                for name, value in measures.items():
                    results[(language, name)] = value
            browser.close()
        ordered = {key: results[key] for key in sorted(results, key=lambda k: (LANGUAGES.index(k[0]), k[1] != "stock"))}
        print(report(ordered, args.rounds))
        if args.update_docs:
            update_docs(ordered, args.rounds)


if __name__ == "__main__":
    main()
