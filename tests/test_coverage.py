"""Coverage at a glance (isocontrols.coverage)."""

from __future__ import annotations

import pytest

from isocontrols.urls import linker_from
from isocontrols import catalogue, coverage, index
from isocontrols.citations import scan

PAGES = {
    "ja": "# 5. 運用\n\n## 5.3. バックアップ【A.12.3.1】 {#backup}\n\n## 5.6. 監視【CLD.12.4.5】 {#monitoring}\n\n本文【A.5.1.1】\n",
    "en": "# 5. Operations\n\n## 5.3. Backup [A.12.3.1] {#backup}\n\n## 5.6. Monitoring [CLD.12.4.5] {#monitoring}\n\nText [A.5.1.1]\n",
}


def _clauses(language: str, pages: dict[str, str] = PAGES) -> tuple[coverage.Clause, ...]:
    corpus = {lang: {"operations.md": scan(text)} for lang, text in pages.items()}
    return coverage.build(index.build(corpus, catalogue.load()), catalogue.load(), language)


def test_grid_holds_all_114_annex_a_controls_in_14_clauses_and_the_7_cld_controls() -> None:
    clauses = _clauses("ja")
    assert [c.group.id for c in clauses] == [f"A.{n}" for n in range(5, 19)] + ["CLD"]
    assert sum(len(c.cells) for c in clauses if c.group.id != "CLD") == 114
    assert len(clauses[-1].cells) == 7


@pytest.mark.parametrize(
    ("clause", "cited", "uncited", "anchor"),
    [("A.5", 1, 1, "coverage-a-5"), ("A.12", 1, 13, "coverage-a-12"), ("A.9", 0, 14, "coverage-a-9"), ("CLD", 1, 6, "coverage-cld")],
)
def test_clause_counts_cited_and_uncited_controls(clause: str, cited: int, uncited: int, anchor: str) -> None:
    found = {c.group.id: c for c in _clauses("en")}[clause]
    assert (found.cited, found.uncited, found.anchor) == (cited, uncited, anchor)


def test_a_control_is_cited_only_where_a_section_of_that_language_cites_it() -> None:
    only_ja = {"ja": PAGES["ja"], "en": "# 5. Operations\n"}
    assert {c.group.id: c.cited for c in _clauses("en", only_ja)}["A.12"] == 0
    assert {c.group.id: c.cited for c in _clauses("ja", only_ja)}["A.12"] == 1


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ja",
            "ISO/IEC 27001:2013 附属書 A の全 114 管理策のうち 2 管理策（引用なし 112）、"
            "ISO/IEC 27017 のクラウドサービス拡張管理策 全 7 管理策のうち 1 管理策（引用なし 6）を、ホワイトペーパーが引用しています。",
        ),
        (
            "en",
            "The white paper cites 2 of the 114 ISO/IEC 27001:2013 Annex A controls (112 not cited) "
            "and 1 of the 7 ISO/IEC 27017 cloud service controls (6 not cited).",
        ),
    ],
)
def test_summary_gives_the_counts_in_words(language: str, expected: str) -> None:
    assert coverage.summary(_clauses(language), language) == expected


@pytest.mark.parametrize(
    ("control_id", "cited", "page", "language", "expected"),
    [
        (
            "A.12.3.1",
            True,
            "coverage.md",
            "ja",
            '<li class="coverage-cell coverage-cell--cited"><a href="../controls/#a-12-3-1">A.12.3.1 '
            '<span class="coverage-mark" aria-hidden="true">✓</span>'
            '<span class="coverage-hidden"> 情報のバックアップ（引用あり）</span></a></li>',
        ),
        (
            "A.12.3.1",
            True,
            "sub/coverage.md",
            "en",
            '<li class="coverage-cell coverage-cell--cited"><a href="../../controls/#a-12-3-1">A.12.3.1 '
            '<span class="coverage-mark" aria-hidden="true">✓</span>'
            '<span class="coverage-hidden"> Information backup (cited)</span></a></li>',
        ),
        (
            "A.18.2.3",
            False,
            "coverage.md",
            "ja",
            '<li class="coverage-cell coverage-cell--uncited">A.18.2.3'
            '<span class="coverage-hidden"> <span lang="en">Technical compliance review</span>（引用なし）</span></li>',
        ),
        (
            "CLD.9.5.2",
            False,
            "coverage.md",
            "en",
            '<li class="coverage-cell coverage-cell--uncited">CLD.9.5.2'
            '<span class="coverage-hidden"> Virtual machine hardening (not cited)</span></li>',
        ),
    ],
)
def test_cell_is_a_marked_link_when_cited_and_plain_text_otherwise(
    control_id: str, cited: bool, page: str, language: str, expected: str
) -> None:
    cell = coverage.Cell(catalogue.load().controls[control_id], cited)
    assert coverage.render_cell(cell, language, linker_from(page)) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ja", "## A.5 情報セキュリティのための方針群 {#coverage-a-5}\n\n引用あり 1 件、引用なし 1 件（全 2 件）\n{ .coverage-counts }\n"),
        ("en", "## A.5 Information security policies {#coverage-a-5}\n\n1 cited, 1 not cited (of 2)\n{ .coverage-counts }\n"),
    ],
)
def test_each_clause_has_a_heading_its_counts_and_a_grid(language: str, expected: str) -> None:
    markdown = coverage.render_coverage(_clauses(language), language, linker_from("coverage.md"))
    assert expected in markdown
    assert markdown.count('<ul class="coverage-grid" data-search-exclude>') == 15
    assert markdown.count("<li ") == 121
    assert markdown.count("coverage-cell--cited") == 3
