"""Markdown produced from the structures (isocontrols.rendering)."""

from __future__ import annotations

import pytest

from isocontrols import catalogue, errata
from isocontrols.citations import scan
from isocontrols.index import build
from isocontrols.rendering import link_citations, relative_link, render_errata, render_index


@pytest.mark.parametrize(
    ("markdown", "page", "language", "expected"),
    [
        (
            "## 5.3. バックアップ【A.12.3.1】 {#backup}",
            "operations.md",
            "ja",
            '## 5.3. バックアップ【[A.12.3.1](controls.md#a-12-3-1 "情報のバックアップ"){ .citation }】 {#backup}',
        ),
        (
            "## 5.3. Backup [A.12.3.1] {#backup}",
            "operations.md",
            "en",
            '## 5.3. Backup [[A.12.3.1](controls.md#a-12-3-1 "Information backup"){ .citation }] {#backup}',
        ),
        (
            "【A.9.2.3、A.9.4.4】",
            "sub/page.md",
            "en",
            '【[A.9.2.3](../controls.md#a-9-2-3 "Management of privileged access rights"){ .citation }、'
            '[A.9.4.4](../controls.md#a-9-4-4 "Use of privileged utility programs"){ .citation }】',
        ),
        # Unknown identifiers stay as written (the validation reports them); ordinary text is untouched.
        ("【A.12.4.5】【当社の責任】`[A.9.2.3]`", "p.md", "ja", "【A.12.4.5】【当社の責任】`[A.9.2.3]`"),
    ],
)
def test_citations_become_links_to_the_index(markdown: str, page: str, language: str, expected: str) -> None:
    assert link_citations(markdown, scan(markdown), page, language, catalogue.load()) == expected


@pytest.mark.parametrize(
    ("from_page", "target", "link"),
    [
        ("operations.md", "controls.md#a-9-2-3", "controls.md#a-9-2-3"),
        ("a/b.md", "controls.md#x", "../controls.md#x"),
        ("a/b.md", "a/c.md", "c.md"),
    ],
)
def test_relative_links_within_a_language_folder(from_page: str, target: str, link: str) -> None:
    assert relative_link(from_page, target) == link


def test_index_lists_clause_control_and_citing_sections() -> None:
    pages = {"operations.md": scan("## 5.3. バックアップ【A.12.3.1】 {#backup}\n"), "o.md": scan("## 2.4. 責任【CLD.6.3.1】 {#shared}\n")}
    markdown = render_index(build({"ja": pages}, catalogue.load()), catalogue.load(), "controls.md", "ja")
    assert markdown.splitlines() == [
        "## A.12 運用のセキュリティ {#clause-a-12}",
        "",
        "### A.12.3.1 情報のバックアップ {#a-12-3-1 .control-entry}",
        "",
        "引用している節:",
        "",
        "- [5.3. バックアップ](operations.md#backup)",
        "",
        "## CLD ISO/IEC 27017 クラウドサービス拡張管理策 {#clause-cld}",
        "",
        "### CLD.6.3.1 クラウドコンピューティング環境における役割及び責任の共有及び分担 {#cld-6-3-1 .control-entry}",
        "",
        "引用している節:",
        "",
        "- [2.4. 責任](o.md#shared)",
    ]


def test_index_marks_an_english_fallback_title_for_screen_readers() -> None:
    pages = {"p.md": scan("## 1.1. x【A.9.1.1】 {#x}\n")}
    markdown = render_index(build({"ja": pages}, catalogue.load()), catalogue.load(), "controls.md", "ja")
    assert '### A.9.1.1 <span lang="en">Access control policy</span> {#a-9-1-1 .control-entry}' in markdown


@pytest.mark.parametrize(("language", "header"), [("ja", "| 節 | 訂正前 | 訂正後 | 理由 |"), ("en", "| Section | Original | Corrected | Reason |")])
def test_errata_table_has_a_row_per_correction(language: str, header: str) -> None:
    table = render_errata(errata.load(), "history.md", language).splitlines()
    assert table[0] == header
    assert len(table) == 2 + len(errata.load())
    assert table[2].startswith("| [5.6](operations.md#cloud-service-monitoring) | <span lang=\"ja\">5.6. クラウドサービスの監視&#12304;A.12.4.5&#12305;")
