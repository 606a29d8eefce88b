"""The notice under an English section whose Japanese original changed: its link, its HTML, where it goes."""

from __future__ import annotations

import pytest

from isocontrols.citations import scan, splice
from isocontrols.translations.notices import japanese_href, notice_edits, notice_html
from isocontrols.translations.sections import Section

ENGLISH = "# 5. Operations\n\nIntro.\n\n## 5.3. Backup [A.12.3.1] {#backup}\n\nThree generations.\n\n## 5.4. Logging {#logging}\n\nLogs.\n"


def _section(page: str, anchor: str | None) -> Section:
    return Section(page, anchor, 1, "0123456789abcdef")


@pytest.mark.parametrize(
    ("from_page", "page", "anchor", "href"),
    [
        ("operations.md", "operations.md", "backup", "../../operations/#backup"),
        ("operations.md", "operations.md", None, "../../operations/"),
        ("index.md", "index.md", "key-facts", "../#key-facts"),
        ("index.md", "index.md", None, "../"),
        ("print.md", "operations.md", "backup", "../../operations/#backup"),
        ("guide/setup.md", "guide/setup.md", "a b\"c", "../../../guide/setup/#a%20b%22c"),
    ],
)
def test_link_to_the_japanese_section_is_relative(from_page: str, page: str, anchor: str | None, href: str) -> None:
    assert japanese_href(from_page, _section(page, anchor)) == href


def test_notice_is_an_accessible_admonition_left_out_of_search() -> None:
    html = notice_html(_section("operations.md", "backup"), '../../operations/#"x"&<')
    assert html == (
        '<div class="admonition info translation-notice" role="note" data-search-exclude>'
        '<p class="admonition-title">This translation may be out of date</p>'
        "<p>The Japanese original of this section was updated, and this English text may not reflect the change yet. "
        '<a href="../../operations/#&quot;x&quot;&amp;&lt;" hreflang="ja" target="_self">Read the Japanese original</a></p></div>'
    )
    assert "\n" not in html


def test_opening_notice_speaks_of_the_introduction() -> None:
    assert "this page’s introduction was updated" in notice_html(_section("operations.md", None), "../../operations/")


def _placed(sections: list[Section], markdown: str = ENGLISH) -> list[str]:
    """The Markdown lines with each notice written as NOTICE(anchor)."""
    edits = notice_edits(scan(markdown), sections, "operations.md", lambda html: "NOTICE" + html[html.index("href=") : html.index(" hreflang")])
    return splice(markdown, edits).split("\n")


def test_notice_goes_right_under_its_section_heading_only() -> None:
    lines = _placed([_section("operations.md", "backup")])
    heading = lines.index("## 5.3. Backup [A.12.3.1] {#backup}")
    assert lines[heading + 1 : heading + 4] == ["", 'NOTICEhref="../../operations/#backup"', ""]
    assert sum(line.startswith("NOTICE") for line in lines) == 1


def test_opening_notice_goes_under_the_page_title() -> None:
    lines = _placed([_section("operations.md", None), _section("operations.md", "logging")])
    assert lines[:4] == ["# 5. Operations", "", 'NOTICEhref="../../operations/"', ""]
    assert lines[lines.index("## 5.4. Logging {#logging}") + 2] == 'NOTICEhref="../../operations/#logging"'


def test_opening_notice_goes_at_the_top_of_a_page_without_title() -> None:
    assert _placed([_section("operations.md", None)], "Intro.\n\n## A {#a}\n")[:3] == ['NOTICEhref="../../operations/"', "", "Intro."]


def test_notice_goes_under_both_lines_of_a_setext_heading() -> None:
    lines = _placed([_section("operations.md", "backup")], "# Ops\n\nBackup {#backup}\n---\n\nText.\n")
    assert lines[2:6] == ["Backup {#backup}", "---", "", 'NOTICEhref="../../operations/#backup"']


def test_section_missing_in_english_gets_no_notice_and_nothing_changes() -> None:
    assert notice_edits(scan(ENGLISH), [_section("operations.md", "gone")], "operations.md", str) == []
    assert notice_edits(scan(ENGLISH), [], "operations.md", str) == []
