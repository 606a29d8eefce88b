"""Links of the built site, both languages: no broken page, file or #anchor anywhere.

Every href and src of every HTML page is checked against the files of the built site:
relative links, root paths under the site's folder, and absolute addresses under
site_url (canonical, hreflang alternates, OpenGraph). A link to a #fragment needs an
element with that id in its target page. Both home pages reach every page by links.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import SITE_URL

LINKING_ATTRIBUTES = {"href", "src", "content"}


class _Page(HTMLParser):
    """The ids and the link targets (tag, attribute, value) of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name in LINKING_ATTRIBUTES & values.keys():
            if name == "content" and values.get("property") not in ("og:url", "og:image"):
                continue
            self.links.append((tag, name, values[name]))


@functools.cache
def _parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _url_of(site: Path, file: Path) -> str:
    """The site path of a built file: ``en/operations/index.html`` → ``en/operations/``."""
    relative = file.relative_to(site).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def _target(site: Path, page_url: str, link: str) -> tuple[Path, str] | None:
    """The built file and fragment a link points at; ``None`` for links that leave the site."""
    absolute = urljoin(SITE_URL + page_url, link)
    if not absolute.startswith(SITE_URL):
        parts = urlsplit(link)
        assert parts.scheme or parts.netloc, f"path outside the site's folder: {link}"
        return None
    parts = urlsplit(absolute[len(SITE_URL) :])
    file = site / unquote(parts.path)
    if parts.path == "" or parts.path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _broken_links(site: Path) -> Iterator[str]:
    for file in _html_pages(site):
        page_url = _url_of(site, file)
        for tag, attribute, link in _parse(file).links:
            if not link or link.startswith(("mailto:", "data:", "javascript:")):
                continue
            target = _target(site, page_url, link)
            if target is None:
                continue
            path, fragment = target
            where = f"{file.relative_to(site)}: <{tag} {attribute}={link!r}>"
            if not path.is_file():
                yield f"{where}: no file {path.relative_to(site)}"
            elif fragment and path.suffix == ".html" and fragment not in _parse(path).ids:
                yield f"{where}: no id {fragment!r} in {path.relative_to(site)}"


def test_no_broken_internal_link_or_anchor_in_either_language(built_site: Path) -> None:
    pages = _html_pages(built_site)
    assert any(p.is_relative_to(built_site / "en") for p in pages) and len(pages) > 20
    assert list(_broken_links(built_site)) == []


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_every_page_of_a_language_is_reachable_from_its_home(built_site: Path, home: str) -> None:
    language_root = (built_site / home).parent
    seen: set[Path] = set()
    queue = [built_site / home]
    while queue:
        file = queue.pop()
        if file in seen or file.suffix != ".html":
            continue
        seen.add(file)
        for tag, _, link in _parse(file).links:
            target = _target(built_site, _url_of(built_site, file), link) if tag == "a" else None
            if target and target[0].is_file():
                queue.append(target[0])
    expected = {p for p in _html_pages(language_root) if p.name != "404.html"}
    if home == "index.html":
        expected = {p for p in expected if not p.is_relative_to(built_site / "en")}
    assert expected - seen == set()


@pytest.mark.parametrize(
    ("link", "fragment_ok"),
    [("operations/#backup", True), ("operations/#no-such-section", False)],
)
def test_the_checker_tells_a_missing_anchor(built_site: Path, link: str, fragment_ok: bool) -> None:
    path, fragment = _target(built_site, "", link)  # type: ignore[misc]
    assert path == built_site / "operations" / "index.html"
    assert (fragment in _parse(path).ids) is fragment_ok


def test_sitemap_lists_every_page_with_absolute_hreflang_alternates(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    alternates = re.findall(r'hreflang="(ja|en)" href="([^"]+)"', sitemap)
    assert f"{SITE_URL}operations/" in locations and f"{SITE_URL}en/operations/" in locations
    assert ("en", f"{SITE_URL}en/controls/") in alternates and ("ja", f"{SITE_URL}controls/") in alternates
    for url in locations + [href for _, href in alternates]:
        assert url.startswith(SITE_URL)
        target = _target(built_site, "", url)
        assert target is not None and target[0].is_file(), url
