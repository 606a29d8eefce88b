"""A page's HTML → the plain text of each of its sections, to quote in answers.

An answer quotes the whole section that cites a control, so that it can be read in a
spreadsheet cell or the answers page without following the link. The text is taken from
the published HTML (what a reader sees, errata applied), not from the Markdown::

    <h2 id="backup">5.3. バックアップ【<a class="citation" …>A.12.3.1</a>】<a class="headerlink" …>¶</a></h2>
    <p>日次で…</p><ul><li>3 世代</li></ul>      →  {"backup": "日次で…\\n\\n・3 世代"}

- A section is a heading with an ``id`` and everything up to the next heading of the same
  or a higher level; its subsections' headings and text are part of it. The key ``None``
  is the page's own text, before its first subsection (what a citation under the page
  title belongs to).
- Paragraphs are separated by a blank line; list items and table rows are lines of
  their own (items with a bullet, numbered items with their number, cells joined by ``|``).
- Whitespace is collapsed outside ``pre``; permalinks (``a.headerlink``), scripts, styles,
  buttons, SVG, hidden elements and what is left out of search (``data-search-exclude``)
  give no text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

from isocontrols.search.sections import PIECE, VOID
from isocontrols.search.sections import attributes as tag_attributes

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCKS = frozenset({"p", "div", "blockquote", "pre", "dl", "dt", "dd", "details", "summary", "figure", "figcaption", "section", "article", "aside"})
"""Elements whose text stands apart as a paragraph."""
LINES = frozenset({"li", "tr"})
"""Elements whose text is one line of a list or table."""
SKIPPED = frozenset({"script", "style", "button", "svg", "template", "noscript"})
SKIP_MARKS = ("hidden", "data-search-exclude", "headerlink")
"""Words without which a start tag's attributes cannot make it give no text (only then are they read)."""
WHITESPACE = re.compile(r"\s+")

BULLETS = {"ja": "・", "en": "• "}
"""What starts an item of an unnumbered list, per language (never ``-``, which a spreadsheet reads as a formula)."""


@dataclass
class _Section:
    level: int
    anchor: str | None
    heading: list[str] = field(default_factory=list)
    blocks: list[tuple[str, int | None]] = field(default_factory=list)
    """(text, the list or table it is a line of, else ``None``) in order."""


class _Reader:
    """Collects each section's heading and blocks of text, fed the pieces of the HTML in order.

    The pieces are cut by the search splitter's regular expression (``search.sections.PIECE``),
    several times faster than ``html.parser`` on the pages of a large site.
    """

    def __init__(self, bullet: str) -> None:
        self.bullet = bullet
        self.sections = [_Section(0, None)]
        self.open: list[str] = []
        self.skip_depth = 0  # >0 inside an element that gives no text
        self.in_heading = False
        self.line: list[str] = []
        self.prefix = ""
        self.line_is_item = False
        self.lists: list[list[int]] = []  # for each open list: [next number] (ol) or [] (ul)
        self.containers: list[int] = []  # the open lists and tables, each numbered when it opens
        self.opened = 0
        self.cells = 0
        self.pre = 0

    def feed(self, html: str) -> None:
        """Read the whole HTML of a page."""
        for piece in PIECE.finditer(html):  # raw text (script, style) and comments give nothing
            kind = piece.lastgroup
            if kind == "text":  # cut only at "<": an entity is never split
                self.handle_data(unescape(piece.group()))
            elif kind == "end":
                self.handle_endtag(piece.group("end").lower())
            elif kind == "attrs":
                tag, markup = piece.group("start").lower(), piece.group("attrs")
                self.handle_starttag(tag, markup)
                if markup.endswith("/"):  # <path … />
                    self.handle_endtag(tag)
        self.flush()

    def handle_starttag(self, tag: str, markup: str) -> None:
        if tag in VOID:
            if tag == "br" and not self.skip_depth:
                self.flush()
            return
        self.open.append(tag)
        attributes = tag_attributes(markup) if tag in HEADINGS or any(mark in markup for mark in SKIP_MARKS) else {}
        if self.skip_depth or tag in SKIPPED or "hidden" in attributes or "data-search-exclude" in attributes or (
            tag == "a" and "headerlink" in (attributes.get("class") or "").split()
        ):
            self.skip_depth += 1
            return
        if tag in HEADINGS and attributes.get("id"):
            self.flush()
            self.sections.append(_Section(HEADINGS[tag], attributes["id"]))
            self.in_heading = True
        elif tag in ("ul", "ol", "table"):
            self.flush()
            self.opened += 1
            self.containers.append(self.opened)
            if tag != "table":
                self.lists.append([1] if tag == "ol" else [])
        elif tag == "li":
            self.flush()
            self.line_is_item = True
            numbering = self.lists[-1] if self.lists else []
            if numbering:
                self.prefix = f"{numbering[0]}. "
                numbering[0] += 1
            else:
                self.prefix = self.bullet
        elif tag == "tr":
            self.flush()
            self.line_is_item = True
            self.cells = 0
        elif tag in ("td", "th"):
            if self.cells:
                self.line.append(" | ")
            self.cells += 1
        elif tag in BLOCKS or tag in HEADINGS:
            self.flush()
        if tag == "pre":
            self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self.open:
            return
        while self.open:  # close what the HTML left open inside it
            closed = self.open.pop()
            if self.skip_depth:
                self.skip_depth -= 1
            else:
                self._close(closed)
            if closed == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in HEADINGS and self.in_heading:
            self.in_heading = False
            self.line = []
        elif tag in ("ul", "ol", "table"):
            self.flush()
            if self.containers:
                self.containers.pop()
            if tag != "table" and self.lists:
                self.lists.pop()
        elif tag in LINES or tag in BLOCKS or tag in HEADINGS:
            self.flush()
        if tag == "pre":
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.in_heading:
            self.sections[-1].heading.append(data)
        else:
            self.line.append(data)

    def flush(self) -> None:
        """End the line or paragraph being read."""
        text = "".join(self.line)
        text = text.strip("\n") if self.pre else WHITESPACE.sub(" ", text).strip()
        if text:
            container = self.containers[-1] if self.line_is_item and self.containers else None
            self.sections[-1].blocks.append((self.prefix + text, container))
        self.line = []
        self.prefix = ""
        self.line_is_item = False


def _joined(blocks: list[tuple[str, int | None]]) -> str:
    """Blocks as text: paragraphs apart by a blank line, the lines of one list or table by a line break."""
    parts: list[str] = []
    for index, (text, container) in enumerate(blocks):
        if index:
            parts.append("\n" if container is not None and container == blocks[index - 1][1] else "\n\n")
        parts.append(text)
    return "".join(parts)


def section_texts(html: str, language: str) -> dict[str | None, str]:
    """Each section's plain text by anchor, and the page's own text under ``None``."""
    reader = _Reader(BULLETS[language])
    reader.feed(html)
    sections = reader.sections
    texts: dict[str | None, str] = {}
    for index, section in enumerate(sections):
        blocks = list(section.blocks)
        for deeper in sections[index + 1 :]:
            if deeper.level <= section.level or section.level == 0:
                break
            heading = WHITESPACE.sub(" ", "".join(deeper.heading)).strip()
            blocks += [(heading, None)] * bool(heading) + deeper.blocks
        if section.anchor is not None:
            texts[section.anchor] = _joined(blocks)
    first = sections[1] if len(sections) > 1 and sections[1].level == 1 else sections[0]
    texts[None] = _joined(first.blocks if first is sections[0] else sections[0].blocks + first.blocks)
    return texts
