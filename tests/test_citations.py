"""Finding citations and their sections in Markdown (isocontrols.citations), checked against Python-Markdown."""

from __future__ import annotations

import pytest
from markdown_oracle import shown_citations, shown_headings

from isocontrols.citations import scan


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("本文【A.9.2.3】です。", [("A.9.2.3",)]),
        ("本文【A.9.2.3, A.9.4.4】", [("A.9.2.3", "A.9.4.4")]),
        ("text [A.9.2.3, A.9.4.4] text", [("A.9.2.3", "A.9.4.4")]),
        ("【A.9.2.3、A.9.4.4】", [("A.9.2.3", "A.9.4.4")]),
        ("【A.9.2.3，  A.9.4.4】", [("A.9.2.3", "A.9.4.4")]),
        ("[A.9.2.3,A.9.4.4]", [("A.9.2.3", "A.9.4.4")]),
        ("【CLD.12.1.5】", [("CLD.12.1.5",)]),
        ("[CLD.12.1.5]【A.5.1.1】", [("CLD.12.1.5",), ("A.5.1.1",)]),
        # Mistyped identifiers are still citations, so that validation can report them.
        ("【Ａ．９．２．３】", [("Ａ．９．２．３",)]),
        ("[a.9.2.3]", [("a.9.2.3",)]),
        ("[A9.2.3]", [("A9.2.3",)]),
        ("[9.2.3]", [("9.2.3",)]),
        ("【A.9.2】", [("A.9.2",)]),
        ("[see A.9.2.3]", [("see A.9.2.3",)]),
        ("[7.0.4]", [("7.0.4",)]),
        # Groups next to each other, a colon after, a group over two lines: all shown as text, all cited.
        ("[A.9.4.1][A.10.1.2]", [("A.9.4.1",), ("A.10.1.2",)]),
        ("text [A.9.4.1]: more text", [("A.9.4.1",)]),
        ("[A.9.2.3]: see below", [("A.9.2.3",)]),
        ("本文【A.9.2.3,\nA.9.4.4】です。", [("A.9.2.3", "A.9.4.4")]),
        ("text [A.9.2.3,\n  A.9.4.4] text", [("A.9.2.3", "A.9.4.4")]),
        ("[A.9.2.3][ref]", [("A.9.2.3",)]),
        # Ordinary text.
        ("【当社の責任】", []),
        ("各項目の【】内は", []),
        ("[a link](https://example.org)", []),
        ("[A.9.2.3](controls.md#a-9-2-3)", []),
        ("[A.9.2.3][ref]\n\n[ref]: https://example.org", []),
        ("![A.9.2.3](image.png)", []),
        ("version [1.0] and [2021]", []),
        ("- [x] done", []),
        ("paragraph one [A.9.2.3,\n\nA.9.4.4] two", []),
        # Code and comments.
        ("`【A.9.2.3】`", []),
        ("``code ` 【A.9.2.3】``", []),
        ("<!-- 【A.9.2.3】 -->", []),
        ("<!--\n【A.9.2.3】\n-->\n", []),
        ("```\n【A.9.2.3】\n```\n", []),
        ("~~~md\n[A.9.2.3]\n~~~\n【A.5.1.1】", [("A.5.1.1",)]),
        ("    ```\n    【A.9.2.3】\n    ```\n", []),
        ("```\nunclosed 【A.9.2.3】\n", [("A.9.2.3",)]),  # never closed: shown as text
        ("text\n\n    indented code 【A.9.2.3】\n\ntext", []),
        ("- item\n\n        code in a list 【A.9.2.3】\n", []),
        ("<code>【A.9.2.3】</code> and <pre>[A.9.2.3]</pre>", []),
        ("<kbd>[A.9.2.3]</kbd> <samp>【A.9.2.3】</samp>", []),
        ("<div>\n<pre>\n【A.9.2.3】\n</pre>\n</div>\n", []),
        # Indented text is not code where it is a list item's or an admonition's content.
        ('!!! note "注"\n    【A.9.2.3】\n', [("A.9.2.3",)]),
        ('!!! note "注"\n\n    【A.9.2.3】\n', [("A.9.2.3",)]),
        ("- item\n\n    continued 【A.9.2.3】\n", [("A.9.2.3",)]),
        ("text\n    lazy continuation 【A.9.2.3】\n", [("A.9.2.3",)]),
        # Raw HTML blocks are shown as they are: their text is cited.
        ("<div>\n本文【A.9.2.3】\n</div>\n", [("A.9.2.3",)]),
    ],
)
def test_citations_found_with_their_items(markdown: str, expected: list[tuple[str, ...]]) -> None:
    found = scan(markdown).citations
    assert [c.ids for c in found] == expected
    assert sorted(" ".join(c.text.split()) for c in found) == sorted(shown_citations(markdown))


@pytest.mark.parametrize("markdown", [r"\[A.9.2.3\]", r"\[7.0.4\] の修正", r"text \[A.9.2.3, A.9.4.4\]"])
def test_escaped_brackets_are_plain_text(markdown: str) -> None:
    assert scan(markdown).citations == ()


@pytest.mark.parametrize(
    ("markdown", "refused"),
    [
        ("[A.9.2.3]: https://example.org", [(1, "[A.9.2.3]")]),
        ("[A.9.2.3] text\n\n[a.9.2.3]: https://example.org", [(1, "[A.9.2.3]"), (3, "[a.9.2.3]")]),
        ("text [A.9.2.3][] text\n\n[A.9.2.3]: https://example.org", [(3, "[A.9.2.3]")]),
        ("[label]: https://example.org\n\n[A.9.2.3] text", []),
        ("[参照【A.12.4.2】](https://example.org/)", [(1, "【A.12.4.2】")]),
        ("text\n[see [A.12.4.2]](https://example.org/)", [(2, "[A.12.4.2]")]),
        ("![図【A.12.4.2】](x.png)", [(1, "【A.12.4.2】")]),
        ("[A.9.2.3](controls.md#a-9-2-3)", []),
        ("`[参照【A.12.4.2】](x)`", []),
    ],
)
def test_link_labels_shaped_like_citations_are_refused(markdown: str, refused: list[tuple[int, str]]) -> None:
    assert [(refusal.line, refusal.text) for refusal in scan(markdown).refusals] == refused
    assert all("write" in refusal.reason for refusal in scan(markdown).refusals)


def test_citation_offsets_and_line_point_at_the_text() -> None:
    markdown = "# 1. 章\n\n本文\n【A.9.2.3, A.9.4.4】\n"
    citation = scan(markdown).citations[0]
    assert citation.line == 4
    assert markdown[citation.start : citation.end] == "【A.9.2.3, A.9.4.4】"
    assert [markdown[i.start : i.end] for i in citation.items] == ["A.9.2.3", "A.9.4.4"]


def test_lines_count_from_where_the_markdown_starts_in_its_file() -> None:
    page = scan("## 5.3. Backup [A.12.3.1] {#backup}\n\ntext [A.12.4.1]\n", first_line=5)
    assert [c.line for c in page.citations] == [5, 7]
    assert page.headings[0].line == 5


@pytest.mark.parametrize(
    ("markdown", "owners"),
    [
        # A citation in a heading belongs to that heading's section.
        ("## 5.3. バックアップ【A.12.3.1】 {#backup}\n", [("backup", True)]),
        # One in body text belongs to the section above it.
        ("## 5.3. Backup {#backup}\n\ntext [A.12.3.1]\n", [("backup", False)]),
        # Deeper headings are sections too; before any section the page owns it.
        ("# 5. 運用\n\n【A.5.1.1】\n\n## 5.1. A {#a}\n\n### x {#x}\n\n【A.6.1.1】\n", [(None, False), ("x", False)]),
        # A setext heading is a heading like any other.
        ("## 5.3. Backup {#backup}\n\nLogging {#logging}\n-------\n\ntext [A.12.4.1]\n", [("logging", False)]),
        ("Backup [A.12.3.1] {#backup}\n===\n", [(None, False)]),
        ("## A {#a}\n\nBackup [A.12.3.1] {#backup}\n---\n", [("backup", True)]),
        # A heading line in a raw HTML block is text: the citation after it stays with the section before.
        ("## A {#a}\n\n<div>\n## B {#b}\n</div>\n\ntext [A.12.3.1]\n", [("a", False)]),
        # Headings inside admonitions and list items are headings of the page.
        ('## A {#a}\n\n!!! note "n"\n\n    ## B {#b}\n\n    text [A.12.3.1]\n', [("b", False)]),
        # A heading needs no space after its hashes (Python-Markdown).
        ("## A {#a}\n\n##B {#b}\n\ntext [A.12.3.1]\n", [("b", False)]),
        # A line with 1-3 spaces before its hashes is text.
        ("## A {#a}\n\n ## B {#b}\n\ntext [A.12.3.1]\n", [("a", False)]),
    ],
)
def test_citation_belongs_to_its_section(markdown: str, owners: list[tuple[str | None, bool]]) -> None:
    page = scan(markdown)
    assert [(c.section.anchor if c.section else None, c.in_heading) for c in page.citations] == owners
    assert [(h.level, h.anchor) for h in page.headings] == shown_headings(markdown)


@pytest.mark.parametrize(
    ("line", "level", "anchor", "number", "title"),
    [
        ("## 5.3. バックアップ【A.12.3.1】 {#backup}", 2, "backup", "5.3", "バックアップ"),
        ("## 5.10. Load balancing [A.17.2.1] {#load-balancing}", 2, "load-balancing", "5.10", "Load balancing"),
        ("## 1.1. White Paper の目的 {#purpose}", 2, "purpose", "1.1", "White Paper の目的"),
        ("# 5. 運用", 1, None, "5", "運用"),
        ("## 正誤表 { #errata .wide }", 2, "errata", None, "正誤表"),
        ("### Heading ###", 3, None, None, "Heading"),
        ("## 5.3. Backup of `data` & **logs** [A.12.3.1] {#backup}", 2, "backup", "5.3", "Backup of data & logs"),
        ("## 5.3. A &amp; B \\*x\\* [A.12.3.1] {#backup}", 2, "backup", "5.3", "A & B *x*"),
        ("## 5.3. 【A.12.3.1】 {#backup}", 2, "backup", "5.3", ""),
    ],
)
def test_headings_carry_number_title_and_anchor(line: str, level: int, anchor: str | None, number: str | None, title: str) -> None:
    result = scan(line + "\n")
    heading = result.headings[0]
    assert (heading.level, heading.anchor, heading.number) == (level, anchor, number)
    assert heading.title_without(list(result.citations)) == title


@pytest.mark.parametrize(
    "markdown",
    [
        "```\n## 1.1. not a heading {#x}\n```\n",
        "text\n\n    ## indented code {#x}\n",
        "<div>\n## raw {#x}\n</div>\n",
        "<!--\n## commented {#x}\n-->\n",
        "para one\npara two\n---\n",
    ],
)
def test_what_is_not_rendered_as_a_heading_is_not_a_section(markdown: str) -> None:
    assert scan(markdown).headings == ()
    assert shown_headings(markdown) == []


@pytest.mark.parametrize(
    ("markdown", "markers"),
    [
        ("<!-- control-index -->\n", [(1, "<!-- control-index -->")]),
        ("text\n\n<!-- control-index -->  \n\n<!-- errata -->\n", [(3, "<!-- control-index -->"), (5, "<!-- errata -->")]),
        ("`<!-- control-index -->`\n", []),
        ("```\n<!-- control-index -->\n```\n", []),
        ("    <!-- control-index -->\n", []),
        ("text <!-- control-index --> text\n", []),
    ],
)
def test_only_a_marker_alone_on_its_line_outside_code_is_a_marker(markdown: str, markers: list[tuple[int, str]]) -> None:
    assert [(marker.line, marker.text) for marker in scan(markdown).markers] == markers
