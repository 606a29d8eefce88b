"""Page URLs and relative links (isocontrols.urls)."""

from __future__ import annotations

import pytest

from isocontrols.urls import linker_from, page_url, relative_href, site_path


@pytest.mark.parametrize(
    ("page", "url"),
    [("index.md", ""), ("operations.md", "operations/"), ("guide/index.md", "guide/"), ("guide/setup.md", "guide/setup/")],
)
def test_page_url_uses_directory_urls(page: str, url: str) -> None:
    assert page_url(page) == url


@pytest.mark.parametrize(
    ("from_page", "target", "href"),
    [
        ("operations.md", "controls.md#a-9-2-3", "../controls/#a-9-2-3"),
        ("index.md", "controls.md#a-9-2-3", "controls/#a-9-2-3"),
        ("controls.md", "index.md", "../"),
        ("controls.md", "controls.md#a-9-2-3", "#a-9-2-3"),
        ("controls.md", "#a-9-2-3", "#a-9-2-3"),
        ("guide/setup.md", "operations.md#backup", "../../operations/#backup"),
        ("index.md", "index.md", "./"),
    ],
)
def test_relative_href_between_directory_urls(from_page: str, target: str, href: str) -> None:
    assert relative_href(from_page, target) == href
    assert linker_from(from_page)(target) == href


@pytest.mark.parametrize(
    ("page", "language", "path"),
    [("operations.md", "ja", "operations/"), ("operations.md", "en", "en/operations/"), ("index.md", "ja", ""), ("index.md", "en", "en/")],
)
def test_site_path_puts_the_other_languages_in_their_folder(page: str, language: str, path: str) -> None:
    assert site_path(page, language) == path
