"""Plain text of inline Markdown (isocontrols.plaintext) against Python-Markdown itself."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isocontrols.plaintext import plain_text

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]


class _HeadingText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered_text(inline: str) -> str:
    """What Python-Markdown shows for ``inline`` as a heading's text."""
    html = markdown.markdown(f"## {inline}", extensions=EXTENSIONS)
    parser = _HeadingText()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


CASES = [
    ("Backup", "Backup"),
    ("Backup of `data`", "Backup of data"),
    ("`**not bold**`", "**not bold**"),
    ("``a ` b``", "a ` b"),
    ("**bold** and *em* and ***both***", "bold and em and both"),
    ("__strong__ and _em_", "strong and em"),
    ("snake_case_name", "snake_case_name"),
    ("A & B", "A & B"),
    ("A &amp; B", "A & B"),
    ("&lt;/title&gt;&lt;script&gt;", "</title><script>"),
    ("`&amp;` stays", "&amp; stays"),
    ("\\*not em\\* \\[x\\] \\# \\\\", "*not em* [x] # \\"),
    ("a <i>b</i> <span class=\"x\">c</span>", "a b c"),
    ("link [here](https://example.org \"title\") end", "link here end"),
    ("[x](javascript:alert(1)) end", "x end"),
    ("image ![alt text](image.png) end", "image end"),
    ("auto <https://example.org/a?b=1>", "auto https://example.org/a?b=1"),
    ("mail <info@example.org>", "mail info@example.org"),
    ("White Paper の目的", "White Paper の目的"),
    ("情報の**ラベル**付け", "情報のラベル付け"),
    ("5 * 3 = 15", "5 * 3 = 15"),
    ("&#12304;A.9.2.3&#12305;", "【A.9.2.3】"),
    ("<!-- note --> visible", "visible"),
]


@pytest.mark.parametrize(("inline", "expected"), CASES)
def test_plain_text_is_what_the_page_shows(inline: str, expected: str) -> None:
    assert plain_text(inline) == expected
    assert rendered_text(inline) == expected


PIECES = st.sampled_from(
    ["word", "語", "`code`", "**b**", "*e*", "_u_", "&amp;", "&", "<i>x</i>", "[l](u)", "\\*", "5.3.", "【A.9.2.3】", "[A.9.2.3]", "a_b"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=8))
def test_plain_text_agrees_with_python_markdown_on_mixed_headings(pieces: list[str]) -> None:
    inline = " ".join(pieces).strip()  # markup around words, as writers write it
    if inline:
        assert plain_text(inline) == rendered_text(inline)
