"""Benchmark: this site's per-language search against stock Material search, as a reader feels it.

Builds the site twice into a temporary folder, once as it is and once with
``extra.per_language_search: false`` (stock Material search: one merged index for both
languages, built in the browser), serves both on localhost and opens a page of each
language in Chromium, round after round, alternating which search goes first.

What a reader feels, on a slow device:

- the whole browser is slowed, the search worker included (CDP's CPU throttling does
  not slow workers): Chromium runs inside a cgroup whose CPU quota is a fraction of one
  core (``--slowdown 4``: a quarter of one core; cgroup v2 ``cpu.max`` or v1
  ``cpu.cfs_quota_us``; it needs root, and says so and runs unslowed otherwise);
- each page view starts cold (a new browser context, nothing cached) and the reader
  starts typing as soon as the page's HTML is read, one key every ``KEY_INTERVAL_MS``,
  before search is ready: *ready* is from the start of the page load to the worker's
  READY, *first results* to the moment the results of the complete first query are shown;
- then every query of the tables is typed key by key (one character more per key, each
  key once the previous key's results are shown), and each key's time to its results
  is kept, as well as whether the query's sections are among its first five results.

It prints (and with ``--update-docs`` writes into docs-dev/search.md) the size of what
search downloads (index and scripts, raw and gzip), ready, first results and key-to-
results times as medians with their spread, ours/stock ratios per round, and a table per
query.

    .venv/bin/python benchmarks/search_benchmark.py [--rounds 7] [--slowdown 4] [--update-docs]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]

from isocontrols.catalogue import LANGUAGE_NAMES  # noqa: E402
from search_driver import (  # noqa: E402
    CUSTOMER_QUERIES_FILE,
    LANGUAGES,
    QUERIES_FILE,
    WATCH_WORKER,
    Query,
    found_in_first_five,
    keystrokes,
    load_queries,
    type_values,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
START_PAGES = {"ja": "operations/", "en": "en/operations/"}
"""The page each language's queries are typed on (as in the browser tests)."""

FIRST_QUERIES = {"ja": "バックアップ", "en": "backup"}
"""What the reader types as soon as the page is there: a word both searches find."""

KEY_INTERVAL_MS = 150
"""Time between two keys of the first query (a quick typist on a phone)."""

SIDES = ("ours", "stock")
NAMES = {"ours": "this site", "stock": "Material (stock)"}

TABLES = {"paper words": QUERIES_FILE, "customer words": CUSTOMER_QUERIES_FILE}
"""The query tables typed on every page view, by the name the report gives them."""

SEARCH_DOWNLOADS = ("/search/", "/assets/javascripts/workers/", "/assets/javascripts/lunr/", "/assets/javascripts/isosearch/")
"""Path parts of what a page downloads for search: the index and the worker's scripts."""

MARKERS = ("<!-- search-benchmark:start -->", "<!-- search-benchmark:end -->")
"""Where the report goes in docs-dev/search.md (engineering notes, not published)."""

REPORT_PAGE = ROOT / "docs-dev" / "search.md"


# ---------------------------------------------------------------------------------------
# Slowing the whole browser


CPU_PERIOD_US = 10_000
"""The cgroup's accounting period: short, so the quota slows work evenly rather than in long stalls."""


@dataclass(frozen=True)
class CpuLimit:
    """How Chromium is started: the executable Playwright launches and what slows it."""

    factor: float
    executable: str
    description: str


class CpuLimitUnavailable(Exception):
    """No cgroup CPU controller this process may use."""


def _cgroup(name: str, factor: float) -> tuple[Path, Path]:
    """Create a cgroup whose processes together get ``1/factor`` of one core; its folder and its ``cgroup.procs``."""
    quota = int(CPU_PERIOD_US / factor)
    v2, v1 = Path("/sys/fs/cgroup"), Path("/sys/fs/cgroup/cpu")
    controllers = v2 / "cgroup.controllers"
    try:
        if controllers.exists() and "cpu" in controllers.read_text().split():
            (v2 / "cgroup.subtree_control").write_text("+cpu")
            group = v2 / name
            group.mkdir()
            (group / "cpu.max").write_text(f"{quota} {CPU_PERIOD_US}")
        elif (v1 / "cpu.cfs_quota_us").exists():
            group = v1 / name
            group.mkdir()
            (group / "cpu.cfs_period_us").write_text(str(CPU_PERIOD_US))
            (group / "cpu.cfs_quota_us").write_text(str(quota))
        else:
            raise CpuLimitUnavailable("no cgroup CPU controller under /sys/fs/cgroup")
    except OSError as error:
        raise CpuLimitUnavailable(f"cannot create a cgroup with a CPU quota ({error}); run as root") from error
    return group, group / "cgroup.procs"


def _remove_cgroup(group: Path) -> None:
    """Remove the cgroup once the browser's processes have left it (they may take a moment to exit)."""
    for _ in range(50):
        try:
            group.rmdir()
            return
        except OSError:
            time.sleep(0.1)
    print(f"search benchmark: could not remove {group}; remove it with rmdir once its processes ended", file=sys.stderr)


@contextmanager
def cpu_limited_chromium(factor: float, workdir: Path) -> Iterator[CpuLimit]:
    """Chromium started inside a cgroup limited to ``1/factor`` of one core (all its processes and threads).

    A small wrapper script moves itself into the cgroup and then becomes Chromium, so every
    process Chromium starts (renderers and their workers) inherits the limit. Without a
    usable cgroup it says why on stderr and yields an unlimited browser, which the report states.
    """
    if factor <= 1:
        yield CpuLimit(1, CHROMIUM, "not slowed (the browser may use every core)")
        return
    try:
        group, procs = _cgroup(f"search-benchmark-{os.getpid()}", factor)
    except CpuLimitUnavailable as reason:
        print(f"search benchmark: {reason}; measuring at full speed instead", file=sys.stderr)
        yield CpuLimit(1, CHROMIUM, f"not slowed: {reason}")
        return
    wrapper = workdir / "chromium-in-cgroup"
    wrapper.write_text(f'#!/bin/sh\necho $$ > "{procs}"\nexec {CHROMIUM} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    version = "v2 cpu.max" if procs.parent.parent == Path("/sys/fs/cgroup") else "v1 cpu.cfs_quota_us"
    quota_ms = CPU_PERIOD_US / factor / 1000
    try:
        yield CpuLimit(
            factor,
            str(wrapper),
            f"slowed ×{factor:g}: all of the browser's processes, search worker included, share 1/{factor:g} of one core "
            f"(cgroup {version}: {quota_ms:g} ms of CPU per {CPU_PERIOD_US / 1000:g} ms)",
        )
    finally:
        _remove_cgroup(group)


# ---------------------------------------------------------------------------------------
# The two sites


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


# ---------------------------------------------------------------------------------------
# One page view


TYPE_ON_ARRIVAL = """
(({ query, interval }) => {
  document.addEventListener("DOMContentLoaded", () => {
    const input = document.querySelector("input.md-search__input")
    const keys = Array.from(query)
    let typed = 0
    const key = () => {
      typed++
      input.value = keys.slice(0, typed).join("")
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
      if (typed < keys.length) setTimeout(key, interval)
    }
    input.focus()
    key()
  })
})(%s)
"""
"""Init script: type the first query key by key from the moment the page's HTML is read."""

FIRST_RESULTS = "query => window.__search.answers.find(answer => answer.value === query && answer.items > 0)"


@dataclass
class View:
    """What one page view measured: ready and first results (ms from the start of the page load),
    each query's key times and results, and the search files the page downloaded."""

    ready_ms: float
    first_ms: float
    keys: dict[str, list[float]] = field(default_factory=dict)
    results: dict[str, list[str]] = field(default_factory=dict)
    downloads: set[str] = field(default_factory=set)


def view(browser: Any, url: str, language: str, queries: Sequence[Query]) -> View:
    """Open a page cold, type the first query while it loads, then every query key by key."""
    context = browser.new_context()
    try:
        page = context.new_page()
        downloads: set[str] = set()
        context.on("request", lambda request: downloads.add(urlsplit(request.url).path))
        page.add_init_script(WATCH_WORKER)
        page.add_init_script(TYPE_ON_ARRIVAL % json.dumps({"query": FIRST_QUERIES[language], "interval": KEY_INTERVAL_MS}))
        page.goto(url + START_PAGES[language], wait_until="commit")
        # A function and its argument, never an expression: the pages' policy refuses eval.
        page.wait_for_function(FIRST_RESULTS, arg=FIRST_QUERIES[language], timeout=120_000)
        first = page.evaluate(FIRST_RESULTS, FIRST_QUERIES[language])
        measured = View(ready_ms=page.evaluate("window.__search.readyAt"), first_ms=first["at"])
        for query in queries:
            measured.keys[query.text], measured.results[query.text] = type_values(page, keystrokes(query.text))
        measured.downloads = {path for path in downloads if any(part in path for part in SEARCH_DOWNLOADS)}
        return measured
    finally:
        context.close()


# ---------------------------------------------------------------------------------------
# Rounds


@dataclass
class Side:
    """Every page view of one search in one language, and where its site is."""

    name: str
    site: Path
    views: list[View] = field(default_factory=list)


def run_rounds(browser: Any, sites: dict[str, tuple[Path, str]], language: str, queries: Sequence[Query], rounds: int) -> dict[str, Side]:
    """``rounds`` page views per search, the order of the two searches alternating every round."""
    sides = {name: Side(name, site) for name, (site, _) in sites.items()}
    for round_number in range(rounds):
        order = SIDES if round_number % 2 == 0 else SIDES[::-1]
        for name in order:
            sides[name].views.append(view(browser, sites[name][1], language, queries))
            print(f"  {language} round {round_number + 1}/{rounds}: {name}", file=sys.stderr)
    return sides


# ---------------------------------------------------------------------------------------
# Figures


def _median_range(values: Sequence[float], digits: int = 0) -> str:
    """``median (min–max)``."""
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def _median_quartiles(values: Sequence[float], digits: int = 1) -> str:
    """``median (p25–p75)``."""
    low, _, high = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else (values[0],) * 3
    return f"{statistics.median(values):.{digits}f} ({low:.{digits}f}–{high:.{digits}f})"


def _sizes(site: Path, paths: set[str], scripts: bool) -> tuple[int, int]:
    """Raw and gzip bytes of the downloaded search files: the index files, or the scripts."""
    raw = packed = 0
    for path in sorted(paths):
        if path.endswith(".js") != scripts:
            continue
        data = (site / path.lstrip("/")).read_bytes()
        raw += len(data)
        packed += len(gzip.compress(data, 9))
    return raw, packed


def _kib(size: int) -> str:
    return f"{size / 1024:.1f}"


def _found(side: Side, queries: Sequence[Query]) -> dict[str, bool]:
    """Whether each query found its sections in the first five (every view agrees, else it says so)."""
    found = {}
    for query in queries:
        answers = {found_in_first_five(query, view.results[query.text]) for view in side.views}
        if len(answers) > 1:
            print(f"search benchmark: {side.name} {query.id}: results differ between rounds", file=sys.stderr)
        found[query.text] = all(answers)
    return found


def _ratio(ours: Sequence[float], stock: Sequence[float]) -> str:
    """This site / stock per round: median (min–max)."""
    return _median_range([a / b for a, b in zip(ours, stock)], 2)


SUMMARY_HEADERS = (
    "Page", "Search", "Index KiB (raw)", "Index KiB (gzip)", "Scripts KiB (gzip)",
    "Ready, ms", "First results, ms", "Each key to its results, ms",
)


def summary(language: str, sides: dict[str, Side], tables: dict[str, list[Query]]) -> list[list[str]]:
    """One row per search: sizes, ready, first results, key times and how many queries found their sections."""
    rows = []
    for name in SIDES:
        side = sides[name]
        downloads = set().union(*(view.downloads for view in side.views))
        index_raw, index_gzip = _sizes(side.site, downloads, scripts=False)
        _, scripts_gzip = _sizes(side.site, downloads, scripts=True)
        every_key = [ms for view in side.views for times in view.keys.values() for ms in times]
        row = [
            language, NAMES[name], _kib(index_raw), _kib(index_gzip), _kib(scripts_gzip),
            _median_range([view.ready_ms for view in side.views]),
            _median_range([view.first_ms for view in side.views]),
            _median_quartiles(every_key),
        ]
        for queries in tables.values():
            found = _found(side, queries)
            row.append(f"{sum(found.values())}/{len(found)}")
        rows.append(row)
    return rows


def _key_median(view: View) -> float:
    return statistics.median(ms for times in view.keys.values() for ms in times)


MEASURES = {
    "ready": lambda view: view.ready_ms,
    "first results": lambda view: view.first_ms,
    "median key to results": _key_median,
}
"""What is compared round by round, by the name the report gives it."""


def _per_round(sides: dict[str, Side], measure: str) -> list[float]:
    """This site / stock in each round."""
    of = MEASURES[measure]
    return [of(ours) / of(stock) for ours, stock in zip(sides["ours"].views, sides["stock"].views)]


def ratios(language: str, sides: dict[str, Side]) -> list[str]:
    """This site / stock, per round: median (min–max) of each measure."""
    return [language, *(_median_range(_per_round(sides, measure), 2) for measure in MEASURES)]


def verdict(language: str, sides: dict[str, Side]) -> str:
    """In how many rounds this site was faster than stock, per measure, in words."""
    counts = []
    for measure in MEASURES:
        rounds = _per_round(sides, measure)
        counts.append(f"{sum(ratio < 1 for ratio in rounds)} of {len(rounds)} rounds for {measure}")
    return f"{LANGUAGE_NAMES[language]} page: this site was faster than stock in " + ", ".join(counts) + "."


def per_query(language: str, sides: dict[str, Side], tables: dict[str, list[Query]]) -> list[list[str]]:
    """One row per query: the time from its last key to its results, and whether its sections are in the first five."""
    rows = []
    for table, queries in tables.items():
        found = {name: _found(sides[name], queries) for name in SIDES}
        for query in queries:
            cells = [language, table, f"`{query.text}`"]
            for name in SIDES:
                cells.append(_median_range([view.keys[query.text][-1] for view in sides[name].views], 1))
            cells += ["✓" if found[name][query.text] else "✗" for name in SIDES]
            rows.append(cells)
    return rows


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers), *("| " + " | ".join(row) + " |" for row in rows)]


def _processor() -> str:
    """The processor's model name, as Linux reports it."""
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return names[0] if names else platform.machine()


def _chromium_version(executable: str) -> str:
    try:
        return subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "Chromium (version unknown)"


@dataclass(frozen=True)
class Setting:
    """How the run was made, for the report's note."""

    rounds: int
    limit: CpuLimit
    chromium: str
    load_before: float
    load_after: float
    command: str


def report(results: dict[str, dict[str, Side]], tables: dict[str, dict[str, list[Query]]], setting: Setting) -> str:
    """The whole report as Markdown: a note on how it was measured, the summary, the ratios, the per-query table."""
    table_names = list(next(iter(tables.values())))
    summary_rows = [row for language in results for row in summary(language, results[language], tables[language])]
    lines = [
        f"Measured on {date.today().isoformat()} with `{setting.command}`: {setting.chromium}, headless, "
        f"{setting.limit.description}; {setting.rounds} rounds, each a cold page view per search and language, "
        f"the two searches taking turns to go first. Machine: {os.cpu_count()} cores ({_processor()}), "
        f"load average (1 min) {setting.load_before:.2f} before and {setting.load_after:.2f} after the run.",
        "",
        *_table([*SUMMARY_HEADERS, *(f"In first five: {name}" for name in table_names)], summary_rows),
        "",
        "Index: the search files a page downloads (this site: `search/index.<language>.json` and Material's "
        "`search/search_index.json`, which holds no page here; stock: `search/search_index.json`, both languages). "
        "Scripts: the search worker and what it loads. Ready and first results: median (min–max) over the rounds, "
        "from the start of the page load. Each key: median (25th–75th percentile) over every key of every query and round.",
        "",
        "This site / stock, per round, median (min–max); below 1 means this site is faster:",
        "",
        *_table(["Page", *(measure.capitalize() for measure in MEASURES)], [ratios(language, results[language]) for language in results]),
        "",
        " ".join(verdict(language, results[language]) for language in results),
        "",
        "<details><summary>Per query: last key to results, ms, median (min–max) over the rounds; sections in the first five</summary>",
        "",
        *_table(
            ["Page", "Table", "Query", "This site, ms", "Stock, ms", "This site: first five", "Stock: first five"],
            [row for language in results for row in per_query(language, results[language], tables[language])],
        ),
        "",
        "</details>",
    ]
    return "\n".join(lines)


def update_docs(text: str) -> None:
    """Write the report between the markers of the search notes."""
    page = REPORT_PAGE.read_text(encoding="utf-8")
    before, rest = page.split(MARKERS[0], 1)
    _, after = rest.split(MARKERS[1], 1)
    REPORT_PAGE.write_text(f"{before}{MARKERS[0]}\n{text}\n{MARKERS[1]}{after}", encoding="utf-8")


def query_tables(limit: int | None) -> dict[str, dict[str, list[Query]]]:
    """Each language's query tables by name, the first ``limit`` queries of each if given."""
    loaded = {name: load_queries(path) for name, path in TABLES.items()}
    return {
        language: {name: [q for q in queries if q.language == language][:limit] for name, queries in loaded.items()}
        for language in LANGUAGES
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="page views per search and language (default 7)")
    parser.add_argument("--slowdown", type=float, default=4, help="the browser gets 1/N of one core (default 4; 1: not slowed)")
    parser.add_argument("--queries", type=int, help="type only the first N queries of each table (a quick check)")
    parser.add_argument("--sites", nargs=2, type=Path, metavar=("OURS", "STOCK"), help="use these built sites instead of building")
    parser.add_argument("--update-docs", action="store_true", help="also write the report into docs-dev/search.md")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    command = "benchmarks/search_benchmark.py " + " ".join(sys.argv[1:])
    load_before = os.getloadavg()[0]
    tables = query_tables(args.queries)
    with tempfile.TemporaryDirectory(prefix="search-benchmark-") as tmp:
        ours, stock = args.sites or (build(Path(tmp) / "ours", stock=False), build(Path(tmp) / "stock", stock=True))
        with (
            cpu_limited_chromium(args.slowdown, Path(tmp)) as limit,
            sync_playwright() as playwright,
            serve(ours) as our_url,
            serve(stock) as stock_url,
        ):
            browser = playwright.chromium.launch(executable_path=limit.executable, args=CHROMIUM_ARGS)
            try:
                sites = {"ours": (ours, our_url), "stock": (stock, stock_url)}
                results = {
                    language: run_rounds(browser, sites, language, [q for qs in tables[language].values() for q in qs], args.rounds)
                    for language in LANGUAGES
                }
            finally:
                browser.close()
        setting = Setting(args.rounds, limit, _chromium_version(CHROMIUM), load_before, os.getloadavg()[0], command)
        text = report(results, tables, setting)
    print(text)
    if args.update_docs:
        update_docs(text)


if __name__ == "__main__":
    main()
