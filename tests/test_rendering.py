"""Markdown produced from the structures (isocontrols.rendering)."""

from __future__ import annotations

import pytest

from isocontrols import catalogue, errata
from isocontrols.citations import scan
from isocontrols.index import build
from isocontrols.rendering import equivalents_2022, link_citations, link_list, render_errata, render_index
from isocontrols.urls import linker_from


@pytest.mark.parametrize(
    ("markdown", "page", "language", "expected"),
    [
        (
            "## 5.3. バックアップ【A.12.3.1】 {#backup}",
            "operations.md",
            "ja",
            '## 5.3. バックアップ【<a class="citation" href="../controls/#a-12-3-1" title="情報のバックアップ">A.12.3.1</a>】 {#backup}',
        ),
        (
            "## 5.3. Backup [A.12.3.1] {#backup}",
            "operations.md",
            "en",
            '## 5.3. Backup [<a class="citation" href="../controls/#a-12-3-1" title="Information backup">A.12.3.1</a>] {#backup}',
        ),
        (
            "【A.9.2.3、A.9.4.4】",
            "sub/page.md",
            "en",
            '【<a class="citation" href="../../controls/#a-9-2-3" title="Management of privileged access rights">A.9.2.3</a>、'
            '<a class="citation" href="../../controls/#a-9-4-4" title="Use of privileged utility programs">A.9.4.4</a>】',
        ),
        # Unknown identifiers stay as written (the validation reports them); ordinary text is untouched.
        ("【A.12.4.5】【当社の責任】`[A.9.2.3]`", "p.md", "ja", "【A.12.4.5】【当社の責任】`[A.9.2.3]`"),
    ],
)
def test_citations_become_links_to_the_index(markdown: str, page: str, language: str, expected: str) -> None:
    assert link_citations(markdown, scan(markdown), language, catalogue.load(), linker_from(page)) == expected


@pytest.mark.parametrize(
    ("targets", "html"),
    [
        ([("operations.md#backup", "5.3. バックアップ")], '<ul class="link-list" data-search-exclude><li><a href="../operations/#backup">5.3. バックアップ</a></li></ul>'),
        ([], "<p>none</p>"),
    ],
)
def test_link_list_is_a_raw_html_list(targets: list[tuple[str, str]], html: str) -> None:
    assert link_list(targets, linker_from("controls.md"), "none") == html


@pytest.mark.parametrize(
    ("control_id", "language", "line"),
    [
        ("A.9.2.3", "ja", 'ISO/IEC 27001:2022 の対応管理策: 8.2 <span lang="en">Privileged access rights</span>'),
        ("A.9.2.3", "en", "ISO/IEC 27001:2022 equivalents: 8.2 Privileged access rights"),
        (
            "A.18.2.3",
            "en",
            "ISO/IEC 27001:2022 equivalents: 5.36 Compliance with policies, rules and standards for information security, "
            "8.8 Management of technical vulnerabilities",
        ),
        ("CLD.12.4.5", "en", "ISO/IEC 27001:2022 equivalents: none (ISO/IEC 27017 cloud service controls have no equivalent in ISO/IEC 27001:2022 Annex A)"),
    ],
)
def test_control_entry_names_its_2022_equivalents_with_titles(control_id: str, language: str, line: str) -> None:
    assert equivalents_2022(catalogue.load().controls[control_id], catalogue.load(), language) == line


def test_index_lists_clause_control_and_citing_sections() -> None:
    pages = {"operations.md": scan("## 5.3. バックアップ【A.12.3.1】 {#backup}\n"), "o.md": scan("## 2.4. 責任【CLD.6.3.1】 {#shared}\n")}
    markdown = render_index(build({"ja": pages}, catalogue.load()), catalogue.load(), "ja", linker_from("controls.md"))
    assert markdown.splitlines() == [
        "## A.12 運用のセキュリティ {#clause-a-12}",
        "",
        "### A.12.3.1 情報のバックアップ {#a-12-3-1 .control-entry}",
        "",
        'ISO/IEC 27001:2022 の対応管理策: 8.13 <span lang="en">Information backup</span>',
        "",
        "引用している節:",
        "",
        '<ul class="link-list" data-search-exclude><li><a href="../operations/#backup">5.3. バックアップ</a></li></ul>',
        "",
        "## CLD ISO/IEC 27017 クラウドサービス拡張管理策 {#clause-cld}",
        "",
        "### CLD.6.3.1 クラウドコンピューティング環境における役割及び責任の共有及び分担 {#cld-6-3-1 .control-entry}",
        "",
        "ISO/IEC 27001:2022 の対応管理策: なし（ISO/IEC 27017 のクラウドサービス拡張管理策には、ISO/IEC 27001:2022 附属書 A の対応管理策がありません）",
        "",
        "引用している節:",
        "",
        '<ul class="link-list" data-search-exclude><li><a href="../o/#shared">2.4. 責任</a></li></ul>',
    ]


def test_index_marks_an_english_fallback_title_for_screen_readers() -> None:
    pages = {"p.md": scan("## 1.1. x【A.9.1.1】 {#x}\n")}
    markdown = render_index(build({"ja": pages}, catalogue.load()), catalogue.load(), "ja", linker_from("controls.md"))
    assert '### A.9.1.1 <span lang="en">Access control policy</span> {#a-9-1-1 .control-entry}' in markdown


@pytest.mark.parametrize(("language", "header"), [("ja", "| 節 | 訂正前 | 訂正後 | 理由 |"), ("en", "| Section | Original | Corrected | Reason |")])
def test_errata_table_has_a_row_per_correction(language: str, header: str) -> None:
    table = render_errata(errata.load(), language, linker_from("history.md")).splitlines()
    assert table[0] == header
    assert len(table) == 2 + len(errata.load())
    assert table[2].startswith('| <a href="../operations/#cloud-service-monitoring">5.6</a> | <span lang="ja">5.6. クラウドサービスの監視&#12304;A.12.4.5&#12305;')
