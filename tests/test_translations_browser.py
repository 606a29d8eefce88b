"""The translation notice in Chromium: under its section, on desktop and phone, accessible, and printed.

A copy of the real site whose record is in step, then one Japanese sentence of 5.3 (#backup)
changed: the English edition must show exactly one notice, on the chapter and in the print
edition, and the Japanese edition none.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator

import pytest
from conftest import ROOT, SITE_URL, _QuietHandler, build_site
from test_accessibility_browser import axe_script

from isocontrols.translations.cli import main

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def stale_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site, its record accepted, then 5.3's Japanese text changed; built strict and served."""
    project = tmp_path_factory.mktemp("stale")
    for name in ("mkdocs.yml", "docs", "hooks", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    assert main(["--docs", str(project / "docs"), "accept", "--all"]) == 0
    page = project / "docs" / "ja" / "operations.md"
    text = page.read_text(encoding="utf-8")
    assert "日次で 3 世代分" in text
    page.write_text(text.replace("日次で 3 世代分", "日次で 7 世代分"), encoding="utf-8")
    site = build_site(project / "mkdocs.yml", project / "site", site_url=SITE_URL)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _heading_above(notice) -> str:  # noqa: ANN001 - a Playwright locator
    """The element right before the notice, as ``H2#backup``."""
    return notice.evaluate("element => element.previousElementSibling.tagName + '#' + element.previousElementSibling.id")


def test_notice_sits_under_its_heading_and_leads_to_the_japanese_section(stale_site_url: str, page) -> None:  # noqa: ANN001
    page.goto(stale_site_url + "en/operations/")
    notice = page.get_by_role("note")
    assert notice.count() == 1
    assert notice.is_visible()
    assert _heading_above(notice) == "H2#backup"
    assert notice.inner_text().startswith("This translation may be out of date")
    notice.get_by_role("link", name="Read the Japanese original").click()
    page.wait_for_url(stale_site_url + "operations/#backup")
    assert page.evaluate("document.documentElement.lang") == "ja"
    assert page.locator(".translation-notice").count() == 0


def test_notice_fits_a_phone(browser, stale_site_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    phone = context.new_page()
    try:
        phone.goto(stale_site_url + "en/operations/#backup")
        notice = phone.locator(".translation-notice")
        assert notice.is_visible()
        box = notice.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


def test_notice_is_accessible(stale_site_url: str, page) -> None:  # noqa: ANN001
    page.goto(stale_site_url + "en/operations/")
    page.evaluate(axe_script())
    results = page.evaluate("axe.run({include: ['.translation-notice']}, {resultTypes: ['violations']})")
    assert [violation["id"] for violation in results["violations"]] == []
    link = page.locator(".translation-notice a")
    assert link.get_attribute("hreflang") == "ja"


@pytest.mark.parametrize("path", ["en/operations/", "en/print/"])
def test_notice_is_printed(stale_site_url: str, page, path: str) -> None:  # noqa: ANN001
    page.emulate_media(media="print")
    page.goto(stale_site_url + path)
    notice = page.locator(".translation-notice")
    assert notice.count() == 1 and notice.is_visible()
    assert _heading_above(notice) in ("H2#backup", "H3#operations--backup")


@pytest.mark.parametrize("path", ["operations/", "print/", "en/", "en/controls/"])
def test_no_notice_on_japanese_pages_or_unchanged_sections(stale_site_url: str, page, path: str) -> None:  # noqa: ANN001
    page.goto(stale_site_url + path)
    assert page.locator(".translation-notice").count() == 0
