"""Privacy: every page of both languages, loaded in Chromium, asks nothing of any host but the site."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit


def _pages(site: Path) -> list[str]:
    """The site path of every HTML page: ``""``, ``operations/``, ``en/controls/``, ``404.html``."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


def test_no_page_requests_another_host(built_site: Path, site_url: str, browser) -> None:  # noqa: ANN001
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    pages = _pages(built_site)
    assert "" in pages and "en/" in pages and "print/" in pages and "en/print/" in pages
    # Eight tabs at a time: each page loads, runs its scripts and settles (no request for 500 ms).
    for start in range(0, len(pages), 8):
        tabs = [context.new_page() for _ in pages[start : start + 8]]
        for tab, path in zip(tabs, pages[start : start + 8]):
            tab.goto(site_url + path, wait_until="commit")
        for tab in tabs:
            tab.wait_for_load_state("networkidle")
            tab.close()
    # What a reader does next on a home page: the language menu and the search load on demand.
    for home in ("", "en/"):
        page = context.new_page()
        page.goto(site_url + home, wait_until="networkidle")
        page.locator(".md-select").first.hover()
        page.locator(".md-search__input").fill("A.9.2.3")
        page.wait_for_load_state("networkidle")
        page.close()
    context.close()
    site = urlsplit(site_url).netloc
    elsewhere = [url for url in requested if urlsplit(url).netloc != site and not url.startswith(("data:", "blob:"))]
    assert len(requested) > len(pages) * 5  # pages, styles, scripts: the recording works
    assert elsewhere == []
