"""Property-based tests for isocontrols.citations.scan: any Markdown, however odd, is read safely.

The generator writes text full of what the parser looks at: both bracket forms, control
identifiers (also malformed, full-width, lower case), separators, code spans, fences,
comments, links and headings. Whatever it writes, ``scan`` returns, and every identifier
it reports is text of the input at the offsets it gives.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from isocontrols.citations import scan

IDS = st.sampled_from(
    ["A.9.2.3", "A.12.3.1", "CLD.12.4.5", "CLD.6.3.1", "9.2.3", "A.9", "a.9.2.3", "Ａ．９．２．３", "A .9.2", "CLD12", "A.99.99.99"]
)
PIECES = st.one_of(
    IDS,
    st.sampled_from(
        [
            "【", "】", "[", "]", "(", ")", "{#id}", "{#a-9-2-3 .control-entry}", ", ", "、", "，", " ",
            "`", "``", "```", "~~~", "\n", "\n\n", "\n```\n", "<!--", "-->", "#", "## ", "\n## ", "\n# ",
            "](controls.md#a-9-2-3)", "[text](x.md)", "[ref]: x.md", "![img](a.png)", "\\[", "当社の責任", "text",
        ]
    ),  # fmt: skip
    st.text(alphabet="【】[]`#A.CLD0123456789、, \n-", max_size=8),
)
MARKDOWN = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKDOWN)
def test_scan_never_raises_and_reports_only_ids_of_the_input(markdown: str) -> None:
    page = scan(markdown)
    for citation in page.citations:
        assert markdown[citation.start : citation.end] == citation.text
        for item in citation.items:
            assert item.text in markdown
            assert markdown[item.start : item.end] == item.text
            assert citation.start <= item.start <= item.end <= citation.end


@settings(max_examples=200, deadline=None)
@given(st.lists(IDS, min_size=1, max_size=3), st.sampled_from([("`", "`"), ("``", "``"), ("<!--", "-->"), ("\n```\n", "\n```\n")]))
def test_nothing_inside_code_or_comments_is_a_citation(ids: list[str], code: tuple[str, str]) -> None:
    listed = ", ".join(ids)
    assert scan(f"本文 {code[0]} 【{listed}】 [{listed}] {code[1]} 本文\n").citations == ()


@settings(max_examples=200, deadline=None)
@given(st.lists(IDS, min_size=1, max_size=4), st.sampled_from([("【", "】"), ("[", "]")]))
def test_a_citation_reports_its_items_in_order_as_written(ids: list[str], brackets: tuple[str, str]) -> None:
    markdown = f"## 見出し {{#h}}\n\n本文{brackets[0]}{', '.join(ids)}{brackets[1]}です。\n"
    page = scan(markdown)
    assert [citation.ids for citation in page.citations] == [tuple(ids)]
    assert page.citations[0].section is not None and page.citations[0].section.anchor == "h"
