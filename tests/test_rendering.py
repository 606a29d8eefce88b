"""Markdown produced from the structures (isocontrols.rendering)."""

from __future__ import annotations

import pytest

from isocontrols import catalogue, errata
from isocontrols.citations import scan
from isocontrols.index import build
from isocontrols.generate import Deferred, page_markdown
from isocontrols.rendering import citation_link, equivalents_2022, link_list, render_errata, render_index, section_list
from isocontrols.index import SectionRef
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
    deferred = Deferred()
    published = page_markdown(markdown, language, {}, catalogue.load(), linker_from(page), deferred)
    assert deferred.restore(published) == expected


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("a-9-2-3", '<a class="citation" href="../controls/#a-9-2-3" title="Management of privileged access rights">A.9.2.3</a>'),
    ],
)
def test_citation_link_escapes_every_value_for_its_place(target: str, expected: str) -> None:
    assert citation_link(catalogue.load().controls["A.9.2.3"], "en", linker_from("operations.md")) == expected
    hostile = catalogue.Control(id="A.1.1.1", title_en='say "hi" <b>&', group="A.1")
    link = citation_link(hostile, "en", lambda target: f'x"><script>{target}')
    assert link == '<a class="citation" href="x&quot;&gt;&lt;script&gt;controls.md#a-1-1-1" title="say &quot;hi&quot; &lt;b&gt;&amp;">A.1.1.1</a>'


@pytest.mark.parametrize(
    ("ref", "html"),
    [
        (SectionRef("operations.md", "backup", "5.3", "Backup & <restore>", 1), '<a href="../operations/#backup">5.3. Backup &amp; &lt;restore&gt;</a>'),
        (SectionRef("operations.md", 'x"y', "5.3", "X", 1), '<a href="../operations/#x%22y">5.3. X</a>'),
        (SectionRef("operations.md", "backup", "5.3", "", 1), '<a href="../operations/#backup">5.3.</a>'),
    ],
)
def test_section_links_escape_title_and_anchor(ref: SectionRef, html: str) -> None:
    assert html in section_list([ref], linker_from("controls.md"), "none")


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


@pytest.mark.parametrize(("language", "header"), [("ja", "<th>節</th><th>訂正前</th><th>訂正後</th><th>理由</th>"), ("en", "<th>Section</th><th>Original</th><th>Corrected</th><th>Reason</th>")])
def test_errata_table_has_a_row_per_correction(language: str, header: str) -> None:
    table = render_errata(errata.load().rows, language, linker_from("history.md"))
    assert "\n" not in table and header in table
    assert table.count("<tr>") == 1 + len(errata.load().rows)
    assert '<td><a href="../operations/#cloud-service-monitoring">5.6</a></td><td><span class="quoted-text" lang="ja">5.6. クラウドサービスの監視【A.12.4.5】</span></td>' in table


def test_errata_values_are_escaped() -> None:
    hostile = errata.Erratum("5.6", "operations.md", 'a"b', "<script>", "&amp;", 'x" onmouseover="y', "</td>")
    table = render_errata([hostile], "en", linker_from("history.md"))
    assert 'href="../operations/#a%22b"' in table and "&lt;script&gt;" in table and "&amp;amp;" in table and "&lt;/td&gt;" in table
    assert "<script>" not in table
