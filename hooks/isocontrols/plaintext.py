"""The text a reader sees for a line of inline Markdown, as Python-Markdown renders it.

The control index, the exports and search name each citing section by its heading; they
must show the words the page shows, not the Markdown source (``**bold**``, `` `code` ``,
``&amp;``) and not twice-escaped entities::

    plain_text("Backup of `data` & **logs** [here](x.md)")  → "Backup of data & logs here"
    plain_text("A &amp; B \\*not emphasis\\*")               → "A & B *not emphasis*"

It follows Python-Markdown's inline rules for what a heading may hold: code spans, backslash
escapes, raw HTML tags (removed, their text kept), entities (decoded), autolinks, links and
images (an image has no text), emphasis with ``*`` and ``_`` (not inside words).
``tests/test_plaintext.py`` checks it against Python-Markdown itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import unescape

ESCAPABLE = "\\`*_{}[]()>#+-.!|"
"""Characters a backslash makes literal (Python-Markdown's, with ``|`` of the tables extension)."""

CODE_SPAN = re.compile(r"(?<![\\`])(?P<ticks>`+)(?!`)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)", re.DOTALL)
"""A code span: its content is shown as written."""

ESCAPE = re.compile(r"\\(?P<char>[" + re.escape(ESCAPABLE) + "])")
"""A backslash escape."""

AUTOLINK = re.compile(r"<(?P<url>(?:[A-Za-z][A-Za-z0-9+.-]*:|www\.)[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
"""``<https://example.org>`` or ``<info@example.org>``: shown as the address."""

TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->", re.DOTALL)
"""A raw inline HTML tag or comment: not shown."""

IMAGE = re.compile(r"!\[(?P<alt>[^\[\]]*)\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])")
"""An image: it has no text."""

LINK = re.compile(r"\[(?P<text>[^\[\]]*)\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])")
"""An inline or full reference link: its text is shown."""

EMPHASIS = (
    re.compile(r"(\*{1,3})(?!\s)(?P<text>.+?)(?<!\s)\1"),
    re.compile(r"(?<!\w)(_{1,3})(?!_)(?P<text>.+?)(?<!_)\1(?!\w)"),
)
"""Strong and emphasis: only their text is shown."""

STASH = "\U000f0100"
"""Stands in for a character that must survive untouched (escaped or inside code) while the rest is read."""

BOUNDARY = "\U000f0101"
"""Left where markup was taken out: Python-Markdown reads the text on either side of an element
separately, so an ``_`` next to it counts as at a word boundary (``**b**_u_`` → ``bu``)."""


def plain_text(markdown: str) -> str:
    """The text of a line of inline Markdown as the reader sees it, spaces collapsed."""
    kept: list[str] = []

    def stash(text: str) -> str:
        kept.append(text)
        return f"{STASH}{len(kept) - 1}{STASH}"

    text = CODE_SPAN.sub(lambda m: stash(m.group("code").strip()), markdown)
    text = ESCAPE.sub(lambda m: stash(m.group("char")), text)
    text = AUTOLINK.sub(lambda m: stash(m.group("url")), text)
    text = TAG.sub(BOUNDARY, text)
    text = IMAGE.sub(BOUNDARY, text)
    previous = None
    while previous != text:
        previous = text
        text = LINK.sub(lambda m: BOUNDARY + m.group("text") + BOUNDARY, text)
        for pattern in EMPHASIS:
            text = pattern.sub(lambda m: BOUNDARY + m.group("text") + BOUNDARY, text)
    text = unescape(text.replace(BOUNDARY, ""))
    text = re.sub(f"{STASH}(\\d+){STASH}", lambda m: kept[int(m.group(1))], text)
    return " ".join(text.split())


NOT_PROSE = re.compile(r"^\s*(?:[|>#<{]|[*+-]\s|\d+\.\s|!!!|\?\?\?|`{3}|~{3})")
"""What opens a table, quote, heading, HTML, attribute list, list, admonition or code rather than prose."""

SENTENCE = re.compile(r"^.*?(?:。|[.!?](?=\s+[A-Z0-9\"'(（「]|\s*$))", re.DOTALL)
"""The first sentence of a text: up to 。, or a full stop (! ?) followed by the end or by a space and
what starts a sentence (so "e.g. the" and "A.9.2.3 is" do not end one)."""


def blocks(lines: Iterable[str]) -> list[tuple[bool, str]]:
    """Markdown lines cut at blank lines into blocks: (whether the block is prose, its lines joined by spaces)."""
    found: list[tuple[bool, str]] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            found.append((not NOT_PROSE.match(current[0]), " ".join(current)))
            current = []
    return found


def first_sentence(markdown: str) -> str:
    """The first sentence of a paragraph of inline Markdown, as the text the reader sees."""
    text = plain_text(markdown)
    match = SENTENCE.match(text)
    return (match.group(0) if match else text).strip()


def shortened(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters with an ellipsis, never in the middle of a word."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1].isascii() and text[limit - 1].isalnum() and cut[-1:].isascii() and cut[-1:].isalnum() and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:、，") + "…"
