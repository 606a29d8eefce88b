"""The 404 page as a host serves it for an address with no page: Japanese like the site's root, bilingual in its text.

A host has one 404 page for the whole site (``404.html`` at the root), shown at any depth
and for either edition's addresses, so it speaks both languages and leads, with addresses
that work from anywhere, to each edition's home, answers by control number and contact.
"""

from __future__ import annotations

from typing import Any

import pytest
from static_host import StaticHost
from test_accessibility_browser import serious_violations


MISSING = ["no-such-page/", "operations/old-anchor/deeper/", "en/no-such-page/", "en/whitepaper-v0.pdf"]
"""Addresses with no page: at the root, deep, under the English edition, a file."""

EDITIONS = [
    (
        "ja",
        "ページが見つかりません",
        [("ホーム（日本語版）", ""), ("管理策番号で回答を探す", "answers/"), ("お問い合わせ（7. Decidim に関するお問い合わせ）", "contact/")],
    ),
    (
        "en",
        "Page not found",
        [("Home (English edition)", "en/"), ("Find answers by control number", "en/answers/"), ("Contact us (7. Contact us about Decidim)", "en/contact/")],
    ),
]


@pytest.mark.parametrize("missing", MISSING)
def test_an_address_with_no_page_shows_both_editions_ways_on(phone: Any, deployed_site: StaticHost, missing: str) -> None:
    response = phone.goto(deployed_site.url + missing)
    assert response.status == 404
    assert phone.evaluate("document.documentElement.lang") == "ja"
    sections = phone.locator("article section.not-found")
    assert sections.count() == len(EDITIONS)
    for section, (language, title, links) in zip(sections.all(), EDITIONS):
        assert section.get_attribute("lang") == language
        assert section.locator("h1, h2").inner_text() == title
        found = [(link.inner_text(), link.get_attribute("href"), link.get_attribute("hreflang")) for link in section.get_by_role("link").all()]
        assert found == [(text, _absolute(deployed_site, path), language) for text, path in links]


@pytest.mark.parametrize(("language", "text", "path"), [(language, text, path) for language, _, links in EDITIONS for text, path in links])
def test_each_way_on_leads_to_its_page(phone: Any, deployed_site: StaticHost, language: str, text: str, path: str) -> None:
    phone.goto(deployed_site.url + "en/no/such/page/")
    with phone.expect_navigation() as navigation:
        phone.locator("article").get_by_role("link", name=text, exact=True).click()
    assert navigation.value.status == 200
    assert phone.evaluate("document.documentElement.lang") == language
    assert phone.url.rstrip(".") == deployed_site.url + path


def test_the_404_page_has_no_serious_accessibility_violation_on_a_phone(phone: Any, deployed_site: StaticHost) -> None:
    phone.goto(deployed_site.url + "en/no-such-page/")
    assert serious_violations(phone) == []


def _absolute(host: StaticHost, path: str) -> str:
    """The link as the page writes it: an absolute path (the site's root written ``.``, as MkDocs' ``url`` filter does)."""
    return host.base_path.rstrip("/") + "/" + (path or ".")
