"""The printable edition: one page per language with cover, every chapter in order and the appendices.

HTML assertions on the built site, then Chromium's "save as PDF" (page.pdf) as a smoke check.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest


CHAPTERS = ["introduction", "organization", "development", "application-security", "operations", "compliance", "contact"]
EDITIONS = {
    "ja": ("print/index.html", "第 1.0 版（2021 年 10 月 7 日）", "発行：一般社団法人 コード・フォー・ジャパン", "付録 A 管理策索引"),
    "en": ("en/print/index.html", "Version 1.0 (7 October 2021)", "Published by Code for Japan", "Appendix A Control index"),
}
PART = re.compile(r'<h2 class="print-part" id="(?P<id>[^"]+)">(?P<title>[^<]*)')


def _html(site: Path, language: str) -> str:
    return (site / EDITIONS[language][0]).read_text(encoding="utf-8")


@pytest.mark.parametrize("language", EDITIONS)
def test_print_page_has_the_cover_then_chapters_in_order_then_appendices(built_site: Path, language: str) -> None:
    text = _html(built_site, language)
    _, version, publisher, appendix = EDITIONS[language]
    cover = text[text.index('class="print-cover"') : text.index('id="contents"')]
    assert version in cover and publisher in cover and 'class="print-edition-note"' in cover
    parts = [(match["id"], match["title"].strip()) for match in PART.finditer(text)]
    assert [part_id for part_id, _ in parts] == [*CHAPTERS, "controls", "history"]
    assert parts[-2][1] == appendix
    assert [title.split(".")[0] for _, title in parts[:7]] == [str(n) for n in range(1, 8)]


@pytest.mark.parametrize("language", EDITIONS)
def test_print_page_ids_are_unique_and_its_links_stay_inside(built_site: Path, language: str) -> None:
    text = _html(built_site, language)
    article = text[text.index("<article") : text.index("</article>")]
    ids = re.findall(r'\sid="([^"]+)"', article)
    assert len(ids) == len(set(ids))
    hrefs = re.findall(r'<a [^>]*href="([^"]+)"', article)
    citations = re.findall(r'<a class="citation" href="([^"]+)"', article)
    assert citations and all(href.startswith("#controls--") for href in citations)
    assert {href[1:] for href in hrefs if href.startswith("#")} <= set(ids)
    assert "#operations--backup" in hrefs  # the control index's "cited in" lists point into the chapters


@pytest.mark.parametrize("language", EDITIONS)
def test_print_page_is_linked_from_the_home_page_and_not_searched(built_site: Path, language: str) -> None:
    home = built_site / ("index.html" if language == "ja" else "en/index.html")
    assert 'href="print/"' in home.read_text(encoding="utf-8")
    assert 'name="description"' in _html(built_site, language)
    for index in (built_site / "search").glob("*.json"):
        assert not re.search(r'"location":\s*"(en/)?print/', index.read_text(encoding="utf-8")), index.name


def test_print_stylesheet_hides_chrome_breaks_pages_and_shows_addresses(built_site: Path) -> None:
    css = (built_site / "assets" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    assert "@media print" in css
    for rule in (".md-header", ".md-sidebar", ".md-footer", ".share-link", "break-before: page", 'attr(data-print-href)'):
        assert rule in css
    assert "assets/stylesheets/print.css" in _html(built_site, "ja")


@pytest.mark.parametrize("language", EDITIONS)
def test_chromium_saves_the_print_page_as_a_pdf(site_url: str, page, language: str, tmp_path: Path) -> None:  # noqa: ANN001
    page.goto(site_url + EDITIONS[language][0].removesuffix("index.html"), wait_until="load")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".share-link").first.is_hidden()
    # Links that leave the document print their absolute address; those inside it do not.
    mail = page.locator("article a[href^='mailto:']").first
    assert mail.get_attribute("data-print-href") in (None, "info@code4japan.org")
    assert page.locator("article a.citation[data-print-href]").count() == 0
    assert page.evaluate("getComputedStyle(document.getElementById('operations')).breakBefore") == "page"
    pdf = page.pdf(path=str(tmp_path / f"white-paper-{language}.pdf"), format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pdf.startswith(b"%PDF") and 12 <= pages <= 60  # cover, contents, 7 chapters, appendices
