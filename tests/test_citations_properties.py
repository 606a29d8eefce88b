"""Property-based tests for isocontrols.citations.scan: any Markdown, however odd, is read safely.

The generator writes text full of what the parser looks at: both bracket forms, control
identifiers (also malformed, full-width, lower case), separators, code spans, fences,
comments, links and headings. Whatever it writes, ``scan`` returns, and every identifier
it reports is text of the input at the offsets it gives.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from markdown_oracle import shown_citations, shown_headings

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


CITATIONS = st.builds(
    lambda ids, ja: (f"【{'、'.join(ids)}】" if ja else f"[{', '.join(ids)}]"),
    st.lists(st.sampled_from(["A.9.2.3", "A.12.3.1", "CLD.12.4.5", "9.2.3"]), min_size=1, max_size=2),
    st.booleans(),
)
WORDS = st.sampled_from(["本文", "text", "`code [A.9.2.3]`", "<code>[A.5.1.1]</code>", "<!-- [A.6.1.1] -->", "[link](x.md)", "**bold**"])
LINE = st.lists(st.one_of(WORDS, CITATIONS), min_size=1, max_size=4).map(" ".join)
BLOCKS = st.one_of(
    LINE,
    st.builds(lambda a, b: f"{a}\n{b}", LINE, LINE),
    st.builds(lambda hashes, line, anchor: f"{hashes} {line} {{#{anchor}}}", st.sampled_from(["#", "##", "###"]), LINE, st.sampled_from(["a", "b", "c"])),
    st.builds(lambda indent, line, under: f"{indent}{line}\n{under}", st.sampled_from(["", " ", "   "]), LINE, st.sampled_from(["===", "---", " ---"])),
    st.builds(lambda indent, line: f"{indent}## {line}", st.sampled_from([" ", "  "]), LINE),
    st.builds(lambda line: f"```\n{line}\n```", LINE),
    st.builds(lambda line: f"    {line}", LINE),
    st.builds(lambda line: f"- {line}", LINE),
    st.builds(lambda line: f"- item\n\n    {line}", LINE),
    st.builds(lambda line: f"- item\n\n        {line}", LINE),
    st.builds(lambda line: f'!!! note "n"\n\n    {line}', LINE),
    st.builds(lambda indent, line: f"{indent}<div>\n{line}\n</div>", st.sampled_from(["", " ", "   "]), LINE),
    st.builds(lambda indent, line: f"{indent}<!-- {line} -->\n{line}", st.sampled_from([" ", "  "]), LINE),
    st.builds(lambda line: f"<div markdown>\n{line}\n</div>", LINE),
    st.builds(lambda line: f"<!--\n{line}\n-->", LINE),
    st.builds(lambda a, b: f"{a}[A.9.4.1]{b}", LINE, st.sampled_from(["[A.10.1.2]", ": more", "(x.md)", "[]", "[ref]", ""])),
    st.sampled_from(["[ref]: https://example.org", "[a.9.4.1]: https://example.org", "[A.9.2.3]: http://x \"t\""]),
    st.builds(lambda line: f"| h | k |\n| --- | --- |\n| {line} | x |", LINE),
    st.builds(lambda line: f"Term\n:   {line}", LINE),
    st.builds(lambda line: f'??? note "n"\n    {line}', LINE),
    st.builds(lambda line, anchor: f'!!! note\n\n    ## {line} {{#{anchor}}}', LINE, st.sampled_from(["d", "e"])),
    st.builds(lambda line: f"1. one\n2. {line}\n\n    ```\n    {line}\n    ```", LINE),
    st.builds(lambda line: f"> {line}", LINE),
    st.builds(lambda line: f"\\[A.9.2.3\\] {line}", LINE),
)
DOCUMENT = st.lists(BLOCKS, min_size=1, max_size=6).map("\n\n".join)


@settings(max_examples=500, deadline=None)
@given(DOCUMENT)
def test_scan_sees_what_python_markdown_shows(markdown: str) -> None:
    page = scan(markdown)
    assert sorted(" ".join(c.text.split()) for c in page.citations) == sorted(shown_citations(markdown))
    assert [(h.level, h.anchor) for h in page.headings] == shown_headings(markdown)
