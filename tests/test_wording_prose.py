"""wording/prose.py: a page as the words a reader reads, line by line, with its section."""

from __future__ import annotations

import pytest

from isocontrols.wording import prose


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("[準拠法は日本法](compliance.md#applicable-legislation)", "[準拠法は日本法"),
        ("See <https://example.org/compliance> now", "See now"),
        ("A `certified` word and <!-- a comment --> here", "A word and here"),
        ("```\ncertified\n```\nafter", "after"),
        ('!!! web-edition "Added in the web edition"', '"Added in the web edition"'),
        ("## 5.3. Backup [A.12.3.1] {#backup}", "5.3. Backup [A.12.3.1]"),
        ("| a | b |", "a b"),
        ('<a href="../compliance/" title="x">governing law</a>', "governing law"),
        ("[ref]: compliance.md", ""),
        ("Text\n{ .control-index-exports }", "Text"),
    ],
)
def test_markup_that_is_not_words_is_left_out(markdown: str, expected: str) -> None:
    assert " ".join(line.text for line in prose.lines(markdown)) == expected


def test_front_matter_keeps_only_what_readers_see() -> None:
    markdown = "---\ndescription: Shown to readers\nsearch:\n  exclude: true  # certified\n---\n\n# Title\n"
    assert [(line.line, line.text) for line in prose.lines(markdown)] == [(2, "Shown to readers"), (7, "Title")]


def test_each_line_knows_its_section_and_its_number() -> None:
    markdown = "Intro\n\n## A {#a}\n\nIn A\n\n### B\n\nIn B\n"
    assert [(line.line, line.section.anchor if line.section else None) for line in prose.lines(markdown)] == [
        (1, None),
        (3, "a"),
        (5, "a"),
        (7, None),
        (9, None),
    ]
