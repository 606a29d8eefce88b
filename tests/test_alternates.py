"""Tests for isocontrols.alternates: language switcher links that work wherever the site is served."""

from __future__ import annotations

import pytest

from isocontrols.alternates import site_relative


@pytest.mark.parametrize(
    ("link", "base_path", "expected"),
    [
        ("/decidim-security/", "/decidim-security/", ""),
        ("/decidim-security/en/", "/decidim-security/", "en/"),
        ("/decidim-security", "/decidim-security/", ""),
        ("en/operations/", "/decidim-security/", "en/operations/"),
        ("/", "/", ""),
        ("/en/", "/", "en/"),
        ("/elsewhere/en/", "/decidim-security/", "/elsewhere/en/"),
        ("https://example.org/en/", "/", "https://example.org/en/"),
    ],
)
def test_site_relative(link: str, base_path: str, expected: str) -> None:
    assert site_relative(link, base_path) == expected
