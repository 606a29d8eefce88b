"""How a value becomes safe text in each place the hook writes it: one function per context.

Everything a writer or a data file controls (a heading, an anchor, a title, a reason in the
errata) is hostile until escaped, and every renderer calls one of these, never ``html.escape``
or string formatting directly::

    html_text('A & B <b>')        → 'A &amp; B &lt;b&gt;'
    html_attribute('say "hi"')    → 'say &quot;hi&quot;'
    url_fragment('a b"c')         → 'a%20b%22c'
    markdown_text('*not* [bold]') → '\\*not\\* \\[bold\\]'
    csv_cell('=SUM(A1)')          → "'=SUM(A1)"
    json_in_html({'a': '</script>'}) → '{"a": "\\u003c/script\\u003e"}'
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any
from urllib.parse import quote

MARKDOWN_ANYWHERE = re.compile(r"([\\`*_{}\[\]|#])")
"""What may start Markdown syntax anywhere in a line: emphasis, code, links, attribute lists,
table cells, closing hashes of a heading. Backslash-escaped."""

MARKDOWN_LINE_START = re.compile(r"^([ \t]*)(?:([-+>])|(\d+)([.)]))", re.MULTILINE)
"""What starts a block only at the start of a line: a list item, a quote, an ordered list item."""

ENTITY_START = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
"""An ampersand that would start a character reference (``&amp;``): the rest are shown as they are."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
"""What makes a spreadsheet read a cell as a formula (OWASP's list, and its full-width forms,
which Japanese spreadsheets also accept)."""


def html_text(text: str) -> str:
    """Text as the content of an HTML element: ``&``, ``<`` and ``>`` escaped."""
    return escape(text, quote=False)


def html_attribute(text: str) -> str:
    """Text as a double- or single-quoted HTML attribute value: quotes escaped too."""
    return escape(text, quote=True)


def url_fragment(text: str) -> str:
    """Text as the fragment of a URL (after ``#``): anything but letters, digits and ``-._~`` percent-encoded."""
    return quote(text, safe="-._~")


def markdown_text(text: str) -> str:
    """Plain text written into generated Markdown (pages, ``llms.txt``), so that it shows exactly as given.

    Only what could start syntax is escaped, so the Markdown stays readable as text: the
    characters that matter anywhere get a backslash, a list or quote marker does at the start
    of a line, ``<`` becomes ``&lt;`` (no tag, no autolink) and an ``&`` that would start a
    character reference becomes ``&amp;``.
    """
    text = ENTITY_START.sub("&amp;", text).replace("<", "&lt;")
    text = MARKDOWN_ANYWHERE.sub(r"\\\1", text)
    return MARKDOWN_LINE_START.sub(lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2) else f"{m.group(3)}\\{m.group(4)}"), text)


def csv_cell(text: str) -> str:
    """A text cell of a CSV file for spreadsheets: a leading ``'`` where the cell would start a formula.

    OWASP's advice against CSV injection: a cell that starts with ``=``, ``+``, ``-``, ``@``,
    a tab or a carriage return is run as a formula by Excel and LibreOffice; the quote makes
    it text (Excel hides it). Numbers, identifiers and URLs are written as they are by the
    caller, which only passes free text here.
    """
    return "'" + text if text.startswith(FORMULA_START) else text


def json_in_html(value: Any) -> str:
    """A value as JSON inside an HTML ``<script>`` element: ``<``, ``>``, ``&`` and line separators escaped."""
    text = json.dumps(value, ensure_ascii=False)
    for character, replacement in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(character, replacement)
    return text
