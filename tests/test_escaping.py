"""Each escaping context against hostile text: quotes, angle brackets, ampersands, Markdown and formulas."""

from __future__ import annotations

import csv
import io
import json
import re

import markdown
import pytest

from isocontrols.escaping import csv_cell, html_attribute, html_text, json_in_html, markdown_text, url_fragment

HOSTILE = [
    "plain",
    'say "hi" & <b>bye</b>',
    "&lt;/title&gt;<script>alert(1)</script>",
    "'single' quotes",
    "**bold** `code` [link](javascript:alert(1)) ![img](x.png)",
    "{#anchor .class} # not a heading",
    "a | table | row",
    "1. not a list",
    "- not a list",
    "\\ backslash \\*",
    "&amp; already escaped",
    "<!-- comment -->",
    "【A.9.2.3】 [A.9.2.3]",
    "末尾の全角文字＝",
    "- not a list either",
    "+ plus",
    "> not a quote",
    "12. twelve",
    "3) three",
    "A.12.4.2 (UTF-8) ends here.",
    "C# and F#",
    "x < y > z & w",
    "multi\n- line\n1. text",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_html_text_is_read_back_as_the_same_text(text: str) -> None:
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.data: list[str] = []
            self.tags = 0

        def handle_data(self, data: str) -> None:
            self.data.append(data)

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.tags += 1

    parser = Collect()
    parser.feed(f"<p>{html_text(text)}</p>")
    parser.close()
    assert "".join(parser.data) == text and parser.tags == 1


@pytest.mark.parametrize("text", HOSTILE)
def test_html_attribute_cannot_end_its_attribute(text: str) -> None:
    from html.parser import HTMLParser

    found: list[list[tuple[str, str | None]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append(attrs)

    for quote in ('"', "'"):
        found.clear()
        Collect().feed(f"<a title={quote}{html_attribute(text)}{quote} href=x>")
        assert found == [[("title", text), ("href", "x")]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("backup", "backup"), ("a-b_c.d~e", "a-b_c.d~e"), ('a"><script>', "a%22%3E%3Cscript%3E"), ("a b#c", "a%20b%23c"), ("節", "%E7%AF%80")],
)
def test_url_fragment_percent_encodes_all_but_unreserved(text: str, expected: str) -> None:
    assert url_fragment(text) == expected


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_renders_as_exactly_the_text(text: str) -> None:
    rendered = markdown.markdown(markdown_text(text), extensions=["tables", "attr_list", "abbr", "def_list", "md_in_html"])
    assert rendered == f"<p>{html_text(text)}</p>"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("A.12.4.2 (UTF-8) ends here.", "A.12.4.2 (UTF-8) ends here."),
        ("5.3. Backup", "5\\.3. Backup"),
        ("A & B &amp; C", "A & B &amp;amp; C"),
        ("*x* [y](z)", "\\*x\\* \\[y\\](z)"),
    ],
)
def test_markdown_text_escapes_only_what_could_start_syntax(text: str, escaped: str) -> None:
    assert markdown_text(text) == escaped


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+81 3", "'+81 3"),
        ("-1+1", "'-1+1"),
        ("@cmd", "'@cmd"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("＝HYPERLINK()", "'＝HYPERLINK()"),
        ("5.3. バックアップ", "5.3. バックアップ"),
        ("Backup = copies", "Backup = copies"),
        ("", ""),
    ],
)
def test_csv_cell_neutralises_formulas_as_owasp_advises(text: str, expected: str) -> None:
    assert csv_cell(text) == expected
    buffer = io.StringIO()
    csv.writer(buffer).writerow([csv_cell(text)])
    cell = next(csv.reader(io.StringIO(buffer.getvalue())))[0]
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "＝")) or cell == ""


@pytest.mark.parametrize("value", [{"a": "</script><script>alert(1)</script>"}, ["&amp;", "\u2028", "<!--"], "plain 日本語"])
def test_json_in_html_never_closes_its_script_and_reads_back(value: object) -> None:
    text = json_in_html(value)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == value


def test_the_answers_page_neutralises_the_same_formula_starts_as_the_exports() -> None:
    """The page's copy of the rule (overrides/assets/javascripts/answers/answers.js) is the same list."""
    from pathlib import Path

    from isocontrols.escaping import FORMULA_START

    script = (Path(__file__).resolve().parent.parent / "overrides/assets/javascripts/answers/answers.js").read_text(encoding="utf-8")
    listed = re.search(r"var FORMULA_START = (\[[^\]]*\])", script)
    assert listed is not None
    assert tuple(json.loads(listed.group(1))) == FORMULA_START
