"""Finding citations and their sections in Markdown (isocontrols.citations)."""

from __future__ import annotations

import pytest

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
        # Ordinary text.
        ("【当社の責任】", []),
        ("各項目の【】内は", []),
        ("[a link](https://example.org)", []),
        ("[A.9.2.3](controls.md#a-9-2-3)", []),
        ("[A.9.2.3][ref]", []),
        ("[A.9.2.3]: https://example.org", []),
        ("![A.9.2.3](image.png)", []),
        ("version [1.0] and [2021]", []),
        ("- [x] done", []),
        (r"\[A.9.2.3]", []),
        # Code and comments.
        ("`【A.9.2.3】`", []),
        ("``code ` 【A.9.2.3】``", []),
        ("<!-- 【A.9.2.3】 -->", []),
        ("```\n【A.9.2.3】\n```\n", []),
        ("~~~md\n[A.9.2.3]\n~~~\n【A.5.1.1】", [("A.5.1.1",)]),
        ("    ```\n    【A.9.2.3】\n    ```\n", []),
        ("```\nunclosed 【A.9.2.3】\n", []),
        # Indented text is not code: admonition bodies are indented.
        ('!!! note "注"\n    【A.9.2.3】\n', [("A.9.2.3",)]),
    ],
)
def test_citations_found_with_their_items(markdown: str, expected: list[tuple[str, ...]]) -> None:
    assert [c.ids for c in scan(markdown).citations] == expected


def test_citation_offsets_and_line_point_at_the_text() -> None:
    markdown = "# 1. 章\n\n本文\n【A.9.2.3, A.9.4.4】\n"
    citation = scan(markdown).citations[0]
    assert citation.line == 4
    assert markdown[citation.start : citation.end] == "【A.9.2.3, A.9.4.4】"
    assert [markdown[i.start : i.end] for i in citation.items] == ["A.9.2.3", "A.9.4.4"]


@pytest.mark.parametrize(
    ("markdown", "owners"),
    [
        # A citation in a heading belongs to that heading's section.
        ("## 5.3. バックアップ【A.12.3.1】 {#backup}\n", [("backup", True)]),
        # One in body text belongs to the section above it.
        ("## 5.3. Backup {#backup}\n\ntext [A.12.3.1]\n", [("backup", False)]),
        # Deeper headings are sections too; before any section the page owns it.
        ("# 5. 運用\n\n【A.5.1.1】\n\n## 5.1. A {#a}\n\n### x {#x}\n\n【A.6.1.1】\n", [(None, False), ("x", False)]),
    ],
)
def test_citation_belongs_to_its_section(markdown: str, owners: list[tuple[str | None, bool]]) -> None:
    found = scan(markdown).citations
    assert [(c.section.anchor if c.section else None, c.in_heading) for c in found] == owners


@pytest.mark.parametrize(
    ("line", "level", "anchor", "number", "title"),
    [
        ("## 5.3. バックアップ【A.12.3.1】 {#backup}", 2, "backup", "5.3", "バックアップ"),
        ("## 5.10. Load balancing [A.17.2.1] {#load-balancing}", 2, "load-balancing", "5.10", "Load balancing"),
        ("## 1.1. White Paper の目的 {#purpose}", 2, "purpose", "1.1", "White Paper の目的"),
        ("# 5. 運用", 1, None, "5", "運用"),
        ("## 正誤表 { #errata .wide }", 2, "errata", None, "正誤表"),
        ("### Heading ###", 3, None, None, "Heading"),
    ],
)
def test_headings_carry_number_title_and_anchor(line: str, level: int, anchor: str | None, number: str | None, title: str) -> None:
    result = scan(line + "\n")
    heading = result.headings[0]
    assert (heading.level, heading.anchor, heading.number) == (level, anchor, number)
    assert heading.title_without(list(result.citations)) == title


def test_headings_inside_fenced_code_are_not_sections() -> None:
    assert scan("```\n## 1.1. not a heading {#x}\n```\n").headings == ()
