"""What a pasted link shows: title, description, OpenGraph and Twitter tags, hreflang, last change.

Assertions on the built HTML of both languages; the addresses are absolute, from site_url.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from conftest import ROOT, SITE_URL, build_site

PAGES = {
    # path: (language, title, og:locale)
    "index.html": ("ja", "Decidim セキュリティホワイトペーパー", "ja_JP"),
    "operations/index.html": ("ja", "5. 運用 - Decidim セキュリティホワイトペーパー", "ja_JP"),
    "controls/index.html": ("ja", "管理策索引 - Decidim セキュリティホワイトペーパー", "ja_JP"),
    "print/index.html": ("ja", "印刷用の全文 - Decidim セキュリティホワイトペーパー", "ja_JP"),
    "en/index.html": ("en", "Decidim Security White Paper", "en_US"),
    "en/operations/index.html": ("en", "5. Operations - Decidim Security White Paper", "en_US"),
    "en/controls/index.html": ("en", "Control index - Decidim Security White Paper", "en_US"),
    "en/print/index.html": ("en", "Printable edition - Decidim Security White Paper", "en_US"),
}


def _meta(html: str, key: str) -> list[str]:
    """The content of every <meta name|property=key>."""
    pattern = rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)"'
    return [unescape(value) for value in re.findall(pattern, html)]


def _front_matter_description(path: str) -> str:
    language = PAGES[path][0]
    source = path.removeprefix("en/").removesuffix("index.html").rstrip("/") or "index"
    text = (ROOT / "docs" / language / f"{source}.md").read_text(encoding="utf-8")
    return re.search(r"^description: (.+)$", text, re.MULTILINE).group(1)  # type: ignore[union-attr]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_unfurls_in_its_language(built_site: Path, path: str) -> None:
    html = (built_site / path).read_text(encoding="utf-8")
    language, title, locale = PAGES[path]
    url = SITE_URL + path.removesuffix("index.html")
    assert f'<html lang="{language}"' in html
    assert unescape(re.search(r"<title>([^<]*)</title>", html).group(1)) == title  # type: ignore[union-attr]
    description = _front_matter_description(path)
    assert _meta(html, "description") == [description] == _meta(html, "og:description") == _meta(html, "twitter:description")
    assert _meta(html, "og:url") == [url] and f'<link rel="canonical" href="{url}">' in html
    assert _meta(html, "og:locale") == [locale]
    assert _meta(html, "og:locale:alternate") == [{"ja_JP": "en_US", "en_US": "ja_JP"}[locale]]
    assert _meta(html, "og:site_name") == [title.split(" - ")[-1]]
    assert _meta(html, "og:type") == ["website"] and _meta(html, "twitter:card") == ["summary"]
    assert _meta(html, "og:title") == _meta(html, "twitter:title") == [title.split(" - ")[0]]


@pytest.mark.parametrize("path", PAGES)
def test_hreflang_alternates_are_absolute_with_x_default(built_site: Path, path: str) -> None:
    html = (built_site / path).read_text(encoding="utf-8")
    page = path.removeprefix("en/").removesuffix("index.html")
    alternates = dict((lang, href) for href, lang in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html))
    assert alternates == {"ja": SITE_URL + page, "en": SITE_URL + "en/" + page, "x-default": SITE_URL + page}


@pytest.mark.parametrize(
    ("path", "label"),
    [("operations/index.html", "最終更新："), ("en/operations/index.html", "Last updated: ")],
)
def test_a_page_shows_when_it_last_changed_in_the_readers_language(built_site: Path, path: str, label: str) -> None:
    html = (built_site / path).read_text(encoding="utf-8")
    match = re.search(r'<aside class="md-source-file">\s*<span[^>]*>\s*(.*?)<time datetime="(\d{4})-(\d\d)-(\d\d)">([^<]+)</time>', html, re.S)
    assert match is not None, "the page shows no last-changed date (the project is a Git checkout)"
    year, month, day = (int(part) for part in match.group(2, 3, 4))
    assert match.group(1).strip() == label.strip()
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    expected = f"{year}年{month}月{day}日" if path.startswith("operations") else f"{day} {months[month - 1]} {year}"
    assert match.group(5) == expected


def test_sitemap_dates_are_the_pages_last_changes(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    html = (built_site / "operations" / "index.html").read_text(encoding="utf-8")
    changed = re.search(r'<time datetime="([^"]+)"', html)
    assert changed is not None
    entry = re.search(rf"<loc>{re.escape(SITE_URL)}operations/</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap)
    assert entry is not None and entry.group(1) == changed.group(1)


def test_outside_a_git_checkout_pages_show_no_date(tmp_path: Path) -> None:
    for name in ("mkdocs.yml", "docs", "hooks", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    site = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    operations = (site / "operations" / "index.html").read_text(encoding="utf-8")
    assert "<time" not in operations and 'class="md-source-file"' not in operations
    assert "ウェブ版：<a href=" in (site / "print" / "index.html").read_text(encoding="utf-8")
