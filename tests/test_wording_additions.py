"""wording/additions.py: web-edition blocks found, their marking checked, their list rendered."""

from __future__ import annotations

import pytest

from isocontrols.citations import scan
from isocontrols.wording import additions

JA = """# 2. 組織

## 2.4. 責任範囲（共有 Model）【A.6.1.1】 {#shared-responsibility}

本文。

!!! web-edition "ウェブ版での補足"

    次の表は、[本文](organization.md)を**まとめた**ものです。第 1.0 版の図ではありません。

    | 対象 | 責任 |
    | --- | --- |
"""

EN = """# 2. Organization

## 2.4. Scope of responsibility [A.6.1.1] {#shared-responsibility}

Text.

!!! web-edition "Added in the web edition"

    The table below sums up the [text](organization.md). It is not the figure of Version 1.0.
"""


def test_a_block_is_found_with_its_section_title_and_first_sentence() -> None:
    [found] = additions.find("organization.md", scan(JA))
    assert (found.line, found.section.anchor, found.title) == (7, "shared-responsibility", "ウェブ版での補足")
    assert found.section_title == "2.4. 責任範囲（共有 Model）"
    assert found.summary == "次の表は、本文をまとめたものです。"


@pytest.mark.parametrize(
    ("markdown", "count"),
    [
        ('## A {#a}\n\n```\n!!! web-edition "Added in the web edition"\n\n    Code.\n```\n', 0),
        ('## A {#a}\n\n<!--\n!!! web-edition "Added in the web edition"\n\n    Hidden.\n-->\n', 0),
        ('## A {#a}\n\n`!!! web-edition "x"`\n', 0),
        ('## A {#a}\n\n!!! note "Note"\n\n    Not an addition.\n', 0),
        ('## A {#a}\n\n??? web-edition "Added in the web edition"\n\n    Folded.\n', 1),
        ('## A {#a}\n\n!!! web-edition inline end "Added in the web edition"\n\n    Beside.\n', 1),
        ('## A {#a}\n\n- item\n\n    !!! web-edition "Added in the web edition"\n\n        Nested.\n', 1),
    ],
)
def test_blocks_outside_code_and_comments_of_any_form_are_found(markdown: str, count: int) -> None:
    assert len(additions.find("page.md", scan(markdown))) == count


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (["First. Second."], "First."),
        (["一文目です。二文目です。"], "一文目です。"),
        (["A sentence that goes", "over two lines. Then more."], "A sentence that goes over two lines."),
        (["See [the index](controls.md) and <https://example.org/>."], "See the index and https://example.org/."),
        (["No full stop at all"], "No full stop at all"),
        (["", "After a blank line."], "After a blank line."),
        (["| a | b |"], ""),
        (["- a list"], ""),
        (["**表**：要約"], "表：要約"),
        ([], ""),
    ],
)
def test_the_summary_is_the_first_sentence_as_plain_text(body: list[str], expected: str) -> None:
    assert additions.summary(body) == expected


def test_well_marked_twins_have_no_problems() -> None:
    assert additions.problems({"ja": {"organization.md": scan(JA)}, "en": {"organization.md": scan(EN)}}, "docs/") == []


@pytest.mark.parametrize(
    ("ja", "en", "expected"),
    [
        (
            JA.replace(" {#shared-responsibility}", ""),
            EN.replace(" {#shared-responsibility}", ""),
            [
                "docs/ja/organization.md:7: web-edition block in section '2.4. 責任範囲（共有 Model）【A.6.1.1】', which has no explicit anchor; "
                "add one to the heading, such as {#backup}, so the revision history can link to it",
                "docs/en/organization.md:7: web-edition block in section '2.4. Scope of responsibility [A.6.1.1]', which has no explicit anchor; "
                "add one to the heading, such as {#backup}, so the revision history can link to it",
            ],
        ),
        (
            JA,
            EN.replace('"Added in the web edition"', '"Note"'),
            ["docs/en/organization.md:7: web-edition block titled 'Note'; write !!! web-edition \"Added in the web edition\", the title readers know these boxes by"],
        ),
        (
            JA,
            EN.replace(' "Added in the web edition"', ""),
            ["docs/en/organization.md:7: web-edition block titled None; write !!! web-edition \"Added in the web edition\", the title readers know these boxes by"],
        ),
        (
            JA.replace("    次の表は", "    | 次の表は"),
            EN,
            [
                "docs/ja/organization.md:7: web-edition block opens with no sentence; begin it with a sentence that says what the web edition adds here "
                "(the revision history lists it by that sentence)"
            ],
        ),
        (
            JA,
            EN.split("!!!")[0],
            [
                "docs/en/organization.md:3: section #shared-responsibility has 0 web-edition block(s) here but 1 in docs/ja/organization.md; "
                "translate each addition into both languages"
            ],
        ),
        (
            '# Top\n\n!!! web-edition "ウェブ版での補足"\n\n    ページ全体への補足です。\n',
            '# Top\n\n!!! web-edition "Added in the web edition"\n\n    An addition to the page.\n',
            [
                "docs/ja/organization.md:3: web-edition block in section 'Top', which has no explicit anchor; add one to the heading, such as {#backup}, so the revision history can link to it",
                "docs/en/organization.md:3: web-edition block in section 'Top', which has no explicit anchor; add one to the heading, such as {#backup}, so the revision history can link to it",
            ],
        ),
    ],
)
def test_each_marking_problem_names_file_line_and_fix(ja: str, en: str, expected: list[str]) -> None:
    found = additions.problems({"ja": {"organization.md": scan(ja)}, "en": {"organization.md": scan(en)}}, "docs/")
    assert [str(problem) for problem in found] == expected


def test_a_page_in_one_language_only_has_no_twin_problem() -> None:
    assert additions.problems({"ja": {"organization.md": scan(JA)}, "en": {}}, "docs/") == []


def test_the_list_links_each_section_and_escapes_what_writers_wrote() -> None:
    hostile = EN.replace("Scope of responsibility", 'A <b>"bold"</b> & co').replace("The table below", "The <i>table</i> & below")
    html = additions.render(additions.find("organization.md", scan(hostile)), "en", lambda target: f"../{target}")
    assert html == (
        '<ul class="web-edition-additions"><li><a href="../organization.md#shared-responsibility">2.4. A "bold" &amp; co</a>'
        ": The table &amp; below sums up the text.</li></ul>"
    )


def test_the_list_uses_the_words_of_its_language_and_says_when_there_is_nothing() -> None:
    link = lambda target: target  # noqa: E731 - the simplest linker
    assert "：次の表は" in additions.render(additions.find("organization.md", scan(JA)), "ja", link)
    assert additions.render(additions.find("index.md", scan("# Home\n")), "ja", link) == '<p class="web-edition-additions">ウェブ版での補足はありません。</p>'
