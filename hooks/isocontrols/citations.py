"""Find control citations and the sections they belong to in a Markdown page.

A citation is a bracket group whose content is a list of control identifiers::

    ## 4.4. ユーティリティプログラム【A.9.2.3, A.9.4.4】 {#utility-programs}
    ## 4.4. Utility programs [A.9.2.3, A.9.4.4] {#utility-programs}

Both bracket forms work in both languages; items are separated by ``,``, ``、`` or
``，`` with any spaces. A bracket group counts as a citation as soon as its content
contains something shaped like a control identifier (``A.9``, ``CLD.12``, ``9.2.3``,
also in full-width or lower case), so that a mistyped citation is reported by the
validation rather than silently left as text. Everything else is ordinary text:
``【当社の責任】``, ``【】``, ``[a link](…)``, ``[text][ref]``, ``[ref]: …``, and
anything inside fenced code, inline code or HTML comments.

A citation in a heading belongs to that heading's section; one in body text belongs
to the nearest heading above it (level 2 or deeper), or to the page when there is none.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

BRACKET = re.compile(r"【(?P<ja>[^【】\n]*)】|(?<![!\]\\])\[(?P<en>[^\[\]\n]*)\](?![(\[:])")
"""A 【…】 group, or a […] group that is not a link, image, reference or definition."""

ITEM_SEPARATOR = re.compile(r"\s*[,、，]\s*")
"""What separates the identifiers of one citation."""

ID_SHAPE = re.compile(r"(?i)\b(?:A|CLD)\s*\.?\s*\d|\b\d+\.\d+\.\d+\b")
"""Something that looks like a control identifier (tested on NFKC-normalised text)."""

FENCE_LINE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,}).*\n?", re.MULTILINE)
"""The opening or closing line of a fenced code block (indented in lists and admonitions too)."""

INLINE_IGNORED = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)|<!--.*?-->", re.DOTALL)
"""Inline code spans and HTML comments: their brackets are never citations."""

HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?:\{(?P<attrs>[^}\n]*)\})?[ \t]*#*[ \t]*$")
"""An ATX heading, with an optional attribute list such as ``{#backup}``."""

HEADING_LINE = re.compile(r"^#{1,6}[ \t].*\n?", re.MULTILINE)
"""A line that may be an ATX heading, with its line break. Lines end at ``\n`` only, as
in Python-Markdown (MkDocs reads files with universal newlines)."""

ANCHOR_ATTR = re.compile(r"(?:^|\s)#(?P<anchor>[^\s}]+)")
"""The explicit id in a heading's attribute list."""

SECTION_NUMBER = re.compile(r"^(?P<number>\d+(?:\.\d+)*)\.?(?:\s+|$)")
"""The white paper's own numbering at the start of a heading: ``5.3.``."""


@dataclass(frozen=True)
class Item:
    """One identifier of a citation, as written, and where it stands in the Markdown."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Heading:
    """A heading of the page: its level, text (without attribute list) and explicit anchor."""

    level: int
    text: str
    anchor: str | None
    line: int

    @property
    def number(self) -> str | None:
        """The white paper's section number (``5.3``), if the heading starts with one."""
        match = SECTION_NUMBER.match(self.text)
        return match.group("number") if match else None

    def title_without(self, citations: list[Citation]) -> str:
        """The heading text less its number and the citations in it: ``バックアップ``."""
        text = self.text
        for citation in citations:
            text = text.replace(citation.text, "")
        return SECTION_NUMBER.sub("", text, count=1).strip()


@dataclass(frozen=True)
class Citation:
    """A bracket group that cites controls, e.g. ``【A.9.2.3, A.9.4.4】``."""

    text: str
    items: tuple[Item, ...]
    line: int
    start: int
    end: int
    section: Heading | None
    """The section the citation belongs to; ``None`` for the page itself."""
    in_heading: bool

    @property
    def ids(self) -> tuple[str, ...]:
        """The items as written."""
        return tuple(item.text for item in self.items)


@dataclass(frozen=True)
class PageScan:
    """What a page holds: its headings and its citations in order."""

    headings: tuple[Heading, ...]
    citations: tuple[Citation, ...]

    @property
    def title(self) -> Heading | None:
        """The page's first level-1 heading."""
        return next((h for h in self.headings if h.level == 1), None)

    def sections(self) -> list[Heading]:
        """The headings that open sections (level 2 and deeper)."""
        return [h for h in self.headings if h.level >= 2]

    def citations_of(self, section: Heading | None) -> list[Citation]:
        """The citations that belong to ``section`` (``None``: to the page)."""
        return [c for c in self.citations if c.section == section]


def _code_and_comment_spans(markdown: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks, inline code and HTML comments, in order."""
    spans: list[tuple[int, int]] = []
    fence: str | None = None
    fence_start = 0
    prose_start = 0
    for match in FENCE_LINE.finditer(markdown):
        marker = match.group("fence")
        if fence is None:
            fence, fence_start = marker, match.start()
            spans += _inline_spans(markdown, prose_start, match.start())
        elif marker[0] == fence[0] and len(marker) >= len(fence):
            spans.append((fence_start, match.end()))
            fence, prose_start = None, match.end()
    if fence is not None:
        spans.append((fence_start, len(markdown)))
    else:
        spans += _inline_spans(markdown, prose_start, len(markdown))
    return spans


def _inline_spans(markdown: str, start: int, end: int) -> list[tuple[int, int]]:
    if markdown.find("`", start, end) < 0 and markdown.find("<!--", start, end) < 0:
        return []  # most prose: no code span, no comment
    return [m.span() for m in INLINE_IGNORED.finditer(markdown, start, end)]


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def looks_like_citation(content: str) -> bool:
    """Whether bracket content holds anything shaped like a control identifier."""
    return bool(ID_SHAPE.search(unicodedata.normalize("NFKC", content)))


def _items(content: str, offset: int) -> tuple[Item, ...]:
    items = []
    position = 0
    for part in ITEM_SEPARATOR.split(content):
        position = content.index(part, position)
        stripped = part.strip()
        start = offset + position + (len(part) - len(part.lstrip()))
        items.append(Item(stripped, start, start + len(stripped)))
        position += len(part)
    return tuple(items)


def _headings(markdown: str, ignored: list[tuple[int, int]], line_starts: list[int]) -> list[tuple[int, int, Heading]]:
    """Each heading with the offsets of its line."""
    found = []
    for line in HEADING_LINE.finditer(markdown):
        match = HEADING.match(line.group().rstrip("\r\n"))
        if match and not _inside(ignored, line.start()):
            attrs = match.group("attrs") or ""
            anchor = ANCHOR_ATTR.search(attrs)
            heading = Heading(
                level=len(match.group("hashes")),
                text=match.group("text").strip(),
                anchor=anchor.group("anchor") if anchor else None,
                line=bisect_right(line_starts, line.start()),
            )
            found.append((line.start(), line.end(), heading))
    return found


def scan(markdown: str) -> PageScan:
    """Read a page: its headings and every citation with the section it belongs to.

    Cached by text: each language's build reads both editions, and a page's Markdown is
    its file's text when it has no front matter, so most texts are read once per build.
    Line breaks at the end change nothing and are left out of the key: plugins that
    re-join a page's lines (mkdocs-static-i18n) drop the last one.
    """
    return _scan(markdown.rstrip("\n"))


@lru_cache(maxsize=16384)
def _scan(markdown: str) -> PageScan:
    """``scan`` of a text without line breaks at its end."""
    ignored = _code_and_comment_spans(markdown)
    line_starts = [0] + [m.end() for m in re.finditer("\n", markdown)]
    headings = _headings(markdown, ignored, line_starts)
    citations = []
    for match in BRACKET.finditer(markdown):
        content_group = "ja" if match.group("ja") is not None else "en"
        content = match.group(content_group)
        if _inside(ignored, match.start()) or not looks_like_citation(content):
            continue
        before = [(start, end, h) for start, end, h in headings if start <= match.start()]
        owner = next((item for item in reversed(before) if item[2].level >= 2), None)
        citations.append(
            Citation(
                text=match.group(0),
                items=_items(content, match.start(content_group)),
                line=bisect_right(line_starts, match.start()),
                start=match.start(),
                end=match.end(),
                section=owner[2] if owner else None,
                in_heading=owner is not None and owner[0] <= match.start() < owner[1],
            )
        )
    return PageScan(headings=tuple(h for _, _, h in headings), citations=tuple(citations))
