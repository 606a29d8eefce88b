"""The ISO/IEC 27001:2022 view of the index (isocontrols.crosswalk)."""

from __future__ import annotations

import pytest

from isocontrols.urls import linker_from
from isocontrols import catalogue, crosswalk, index
from isocontrols.citations import scan

OPERATIONS = {
    "ja": "# 5. 運用\n\n## 5.3. バックアップ【A.12.3.1】 {#backup}\n\n## 5.7. 技術的脆弱性の管理【A.12.6.1】 {#vulnerability-management}\n",
    "en": "# 5. Operations\n\n## 5.3. Backup [A.12.3.1] {#backup}\n\n## 5.7. Technical vulnerabilities [A.12.6.1] {#vulnerability-management}\n",
}
COMPLIANCE = {
    "ja": "# 6. 準拠\n\n## 6.5. 技術的順守のレビュー【A.18.2.3】 {#technical-compliance}\n\n本文【CLD.6.3.1】\n",
    "en": "# 6. Compliance\n\n## 6.5. Technical compliance review [A.18.2.3] {#technical-compliance}\n\nText [CLD.6.3.1]\n",
}
INTRO = {"ja": "# はじめに\n\n【A.5.1.1、A.5.1.2】\n", "en": "# Introduction\n\n[A.5.1.1, A.5.1.2]\n"}


def _entries() -> dict[str, index.Entry]:
    corpus = {
        language: {
            "operations.md": scan(OPERATIONS[language]),
            "compliance.md": scan(COMPLIANCE[language]),
            "introduction.md": scan(INTRO[language]),
        }
        for language in catalogue.LANGUAGES
    }
    return index.build(corpus, catalogue.load())


@pytest.mark.parametrize(
    ("id_2022", "anchor"),
    [("8.13", "iso2022-8-13"), ("5.1", "iso2022-5-1"), ("theme-8", "iso2022-theme-8")],
)
def test_anchor_of_a_2022_control_never_collides_with_a_2013_one(id_2022: str, anchor: str) -> None:
    assert crosswalk.anchor_2022(id_2022) == anchor


@pytest.mark.parametrize(
    ("ids", "ordered"),
    [
        (["5.10", "5.9", "8.1", "6.2"], ["5.9", "5.10", "6.2", "8.1"]),
        (["8.34", "8.4", "7.14"], ["7.14", "8.4", "8.34"]),
    ],
)
def test_2022_numbers_sort_numerically(ids: list[str], ordered: list[str]) -> None:
    assert sorted(ids, key=crosswalk.sort_key_2022) == ordered


def test_every_2022_control_has_a_theme_with_titles_in_both_languages() -> None:
    themes = catalogue.load().themes_2022
    assert {crosswalk.theme_of(i) for i in catalogue.load().controls_2022} == set(themes)
    assert all(theme.has_title("ja") for theme in themes.values())


def test_view_lists_each_reached_2022_control_in_2022_order() -> None:
    view = crosswalk.build(_entries(), catalogue.load())
    # A.5.1.1 and A.5.1.2 → 5.1; A.18.2.3 → 5.36 and 8.8; A.12.6.1 → 8.8; A.12.3.1 → 8.13; CLD maps to nothing.
    assert list(view) == ["5.1", "5.36", "8.8", "8.13"]
    assert [c.id for c in view["5.1"].sources] == ["A.5.1.1", "A.5.1.2"]
    assert [c.id for c in view["8.8"].sources] == ["A.12.6.1", "A.18.2.3"]


@pytest.mark.parametrize("language", catalogue.LANGUAGES)
def test_2022_control_lists_each_section_once_in_the_white_papers_order(language: str) -> None:
    view = crosswalk.build(_entries(), catalogue.load())
    assert [ref.target for ref in view["8.8"].sections[language]] == [
        "operations.md#vulnerability-management",
        "compliance.md#technical-compliance",
    ]
    assert [ref.target for ref in view["5.1"].sections[language]] == ["introduction.md"]


@pytest.mark.parametrize(
    ("language", "section", "expected"),
    [
        ("ja", ("operations.md", "backup"), {"8.13"}),
        ("en", ("operations.md", "vulnerability-management"), {"8.8"}),
        ("ja", ("compliance.md", "technical-compliance"), {"5.36", "8.8"}),
        ("en", ("introduction.md", None), {"5.1"}),
    ],
)
def test_ids_2022_by_section_gives_the_numbers_search_adds(
    language: str, section: tuple[str, str | None], expected: set[str]
) -> None:
    assert crosswalk.ids_2022_by_section(_entries(), language)[section] == expected


def test_sections_citing_only_cld_controls_get_no_2022_numbers() -> None:
    found = crosswalk.ids_2022_by_section(_entries(), "ja")
    # The CLD citation of compliance.md belongs to #technical-compliance, which also cites A.18.2.3.
    assert found[("compliance.md", "technical-compliance")] == {"5.36", "8.8"}
    only_cld = index.build({"ja": {"p.md": scan("## 1.1. x【CLD.6.3.1】 {#x}\n")}}, catalogue.load())
    assert crosswalk.ids_2022_by_section(only_cld, "ja") == {}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ja",
            "### 8.13 <span lang=\"en\">Information backup</span> {#iso2022-8-13 .iso2022-entry}\n\n"
            "対応する ISO/IEC 27001:2013 の管理策:\n\n"
            '<ul class="link-list" data-search-exclude><li><a href="../controls/#a-12-3-1">A.12.3.1 情報のバックアップ</a></li></ul>\n\n'
            "引用している節:\n\n"
            '<ul class="link-list" data-search-exclude><li><a href="../operations/#backup">5.3. バックアップ</a></li></ul>\n',
        ),
        (
            "en",
            "### 8.13 Information backup {#iso2022-8-13 .iso2022-entry}\n\n"
            "ISO/IEC 27001:2013 controls that map to it:\n\n"
            '<ul class="link-list" data-search-exclude><li><a href="../controls/#a-12-3-1">A.12.3.1 Information backup</a></li></ul>\n\n'
            "Cited in:\n\n"
            '<ul class="link-list" data-search-exclude><li><a href="../operations/#backup">5.3. Backup</a></li></ul>\n',
        ),
    ],
)
def test_view_entry_links_the_2013_controls_and_the_sections(language: str, expected: str) -> None:
    markdown = crosswalk.render_view(crosswalk.build(_entries(), catalogue.load()), catalogue.load(), language, linker_from("controls-2022.md"))
    assert expected in markdown


@pytest.mark.parametrize(
    ("language", "heading", "summary"),
    [
        ("ja", "## 8 技術的管理策 {#iso2022-theme-8}", "ISO/IEC 27001:2022 附属書 A の 93 管理策のうち 4 管理策が、ホワイトペーパーの引用する管理策に対応しています。"),
        ("en", "## 8 Technological controls {#iso2022-theme-8}", "4 of the 93 ISO/IEC 27001:2022 Annex A controls correspond to controls the white paper cites."),
    ],
)
def test_view_groups_by_theme_and_counts_what_it_reaches(language: str, heading: str, summary: str) -> None:
    markdown = crosswalk.render_view(crosswalk.build(_entries(), catalogue.load()), catalogue.load(), language, linker_from("controls-2022.md"))
    assert markdown.startswith(summary)
    assert heading in markdown
    assert "## 6 " not in markdown and "## 7 " not in markdown


def test_view_links_from_a_page_in_a_subfolder() -> None:
    markdown = crosswalk.render_view(crosswalk.build(_entries(), catalogue.load()), catalogue.load(), "en", linker_from("sub/view.md"))
    assert '<a href="../../controls/#a-12-3-1">A.12.3.1 Information backup</a>' in markdown
    assert '<a href="../../operations/#backup">5.3. Backup</a>' in markdown
