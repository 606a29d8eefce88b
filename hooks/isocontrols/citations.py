"""Find control citations and the sections they belong to in a Markdown page.

A citation is a bracket group whose content is a list of control identifiers::

    ## 4.4. ユーティリティプログラム【A.9.2.3, A.9.4.4】 {#utility-programs}
    ## 4.4. Utility programs [A.9.2.3, A.9.4.4] {#utility-programs}

Both bracket forms work in both languages; items are separated by ``,``, ``、`` or
``，`` with any spaces, line breaks included. A bracket group counts as a citation as
soon as its content contains something shaped like a control identifier (``A.9``,
``CLD.12``, ``9.2.3``, also in full-width or lower case), so that a mistyped citation is
reported by the validation rather than silently left as text.

The page is read as Python-Markdown (with this site's extensions) reads it, so that what
is a citation here is exactly what the reader sees as text on the page:

- code is never a citation: fenced blocks, indented code blocks (four spaces more than
  the list item or admonition they are in), inline code, HTML comments, and raw HTML
  ``code``, ``pre``, ``kbd``, ``samp``, ``script``, ``style`` and ``textarea`` elements;
- headings are ATX (``## Title``, no space needed after ``#``, inside list items and
  admonitions too) and setext (a block's first line underlined with ``===`` or ``---``);
  lines inside a raw HTML block (``<div>`` without ``markdown``) are text, not headings;
- ``[…](url)`` and ``![…](…)`` are links and images; ``[…][label]`` and ``[…]`` are
  reference links only when the page defines that label. A label or definition that
  looks like a citation, and a citation written inside a link's text or an image's alt
  text, cannot be published as one and is *refused* (see ``Refusal``);
- ``\\[…\\]`` is plain text: the writer's way to show brackets that are not a citation.

Front matter is not the scanner's business: the hook passes the page's Markdown without
it, as MkDocs does, with the line it starts on.

A citation in a heading belongs to that heading's section; one in body text belongs to
the nearest heading above it when that heading is of level 2 or deeper, and to the page
otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from isocontrols.plaintext import plain_text

BRACKET = re.compile(r"【(?P<ja>[^【】]*)】|(?P<bang>!?)\[(?P<en>[^\[\]]*)\]")
"""A 【…】 or […] group (line breaks allowed inside; blocks are checked separately)."""

ITEM_SEPARATOR = re.compile(r"\s*[,、，]\s*")
"""What separates the identifiers of one citation."""

ID_SHAPE = re.compile(r"(?i)\b(?:A|CLD)\s*\.?\s*\d|\b\d+\.\d+\.\d+\b")
"""Something that looks like a control identifier (tested on NFKC-normalised text)."""

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
"""The opening or closing line of a fenced code block (indented in lists and admonitions too)."""

INLINE_IGNORED = re.compile(
    r"(?<![`\\])(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)"
    r"|<!--.*?-->"
    r"|<(?P<tag>code|pre|kbd|samp|script|style|textarea)\b[^>]*>.*?</(?P=tag)\s*>",
    re.DOTALL | re.IGNORECASE,
)
"""Inline code spans, HTML comments and raw HTML code elements: their brackets are never citations."""

ATX = re.compile(r"^(?P<hashes>#{1,6})(?P<text>.*?)[ \t]*(?:\{(?P<attrs>[^}\n]*)\})?[ \t]*#*[ \t]*$")
"""An ATX heading (Python-Markdown needs no space after the hashes), with an optional attribute list."""

SETEXT_TEXT = re.compile(r"^(?P<text>.*?)[ \t]*(?:\{(?P<attrs>[^}\n]*)\})?[ \t]*$")
"""The text line of a setext heading, with an optional attribute list."""

SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)[ ]*$")
"""The line under a setext heading: ``=`` for level 1, ``-`` for level 2."""

ANCHOR_ATTR = re.compile(r"(?:^|\s)#(?P<anchor>[^\s}]+)")
"""The explicit id in a heading's attribute list."""

SECTION_NUMBER = re.compile(r"^(?P<number>\d+(?:\.\d+)*)\.?(?:\s+|$)")
"""The white paper's own numbering at the start of a heading: ``5.3.``."""

CONTAINER_OPENER = re.compile(r"^(?:[-*+][ \t]|\d+\.[ \t]|!!!|\?\?\?\+?|:[ \t])")
"""A line whose following indented lines are its content: a list item, an admonition, a details block, a definition."""

LINK_TEXT = re.compile(r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(")
"""The text of an inline link or image, one level of brackets allowed inside (``[see [A.9.2.3]](url)``)."""

LINK_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\[\]]*)\]:[ ]*(?P<url>\S+)[ ]*(?:([\"'])(.*)\3[ ]*|\((.*)\)[ ]*)?$")
"""A reference definition, ``[label]: url "title"``, exactly as Python-Markdown reads one on its line."""

RAW_BLOCK_START = re.compile(
    r"^<(?P<tag>address|article|aside|blockquote|canvas|details|div|dl|fieldset|figcaption|figure|footer|form|"
    r"h[1-6]|header|hr|iframe|main|math|nav|noscript|ol|p|pre|section|table|ul|video|script|style)\b(?P<attrs>[^>]*)>"
    r"|^<!--(?!.*-->)",
    re.IGNORECASE,
)
"""A raw HTML block: a block-level tag, or a comment that goes on to later lines, at the start of a top-level line."""

VOID_BLOCK_TAGS = frozenset({"hr"})
"""Block-level tags without an end tag: their raw block is their line."""

LEADING_COMMENT = re.compile(r"^<!--.*?-->[ \t]*")
"""An HTML comment that opens a top-level line and closes on it: Python-Markdown makes it a block of its own."""

MARKER_LINE = re.compile(r"^<!--[ \t]*[A-Za-z0-9_-]+[ \t]*-->[ \t]*$")
"""A line that is only a named HTML comment, such as ``<!-- control-index -->``: where generated parts go."""


def _indent(line: str) -> int:
    """The width of a line's leading whitespace, tabs counting to the next multiple of four."""
    width = 0
    for character in line:
        if character == " ":
            width += 1
        elif character == "\t":
            width += 4 - width % 4
        else:
            break
    return width


@dataclass(frozen=True)
class Item:
    """One identifier of a citation, as written, and where it stands in the Markdown."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Heading:
    """A heading of the page: its level, text (without attribute list), explicit anchor and place."""

    level: int
    text: str
    anchor: str | None
    line: int
    start: int = 0
    end: int = 0
    """Offsets of the heading's lines (both lines of a setext heading) in the Markdown."""
    attrs: str = ""
    """Its attribute list as written, without braces (``#backup .wide``)."""

    @property
    def number(self) -> str | None:
        """The white paper's section number (``5.3``), if the heading starts with one."""
        match = SECTION_NUMBER.match(self.text)
        return match.group("number") if match else None

    @property
    def plain(self) -> str:
        """The heading's text as the page shows it (``Backup of data`` for ``Backup of `data```)."""
        return plain_text(self.text)

    def title_without(self, citations: list[Citation]) -> str:
        """The heading's text as the page shows it, less its number and the citations in it: ``バックアップ``."""
        text = self.text
        for citation in citations:
            text = text.replace(citation.text, "")
        return SECTION_NUMBER.sub("", plain_text(text), count=1).strip()


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
class Refusal:
    """Something shaped like a citation that the page cannot publish as one, and why."""

    text: str
    line: int
    reason: str


@dataclass(frozen=True)
class Marker:
    """A line that is only a named HTML comment, outside code: where a generated part may go."""

    text: str
    line: int
    start: int
    end: int


@dataclass(frozen=True)
class PageScan:
    """What a page holds: its headings, its citations, what it refuses and its marker lines, in order."""

    headings: tuple[Heading, ...]
    citations: tuple[Citation, ...]
    refusals: tuple[Refusal, ...] = ()
    markers: tuple[Marker, ...] = ()
    ignored: tuple[tuple[int, int], ...] = ()
    """Offsets of code, comments and raw HTML code elements, in order."""
    text: str = ""
    """The Markdown that was read (without front matter)."""
    first_line: int = 1
    """The line of its file the Markdown starts on."""

    @property
    def title(self) -> Heading | None:
        """The page's first level-1 heading."""
        return next((h for h in self.headings if h.level == 1), None)

    def sections(self) -> list[Heading]:
        """The headings that open sections (level 2 and deeper)."""
        return [h for h in self.headings if h.level >= 2]

    @cached_property
    def by_section(self) -> dict[Heading | None, tuple[Citation, ...]]:
        """The citations of each section (``None``: of the page), grouped once."""
        grouped: dict[Heading | None, list[Citation]] = {}
        for citation in self.citations:
            grouped.setdefault(citation.section, []).append(citation)
        return {section: tuple(found) for section, found in grouped.items()}

    def citations_of(self, section: Heading | None) -> tuple[Citation, ...]:
        """The citations that belong to ``section`` (``None``: to the page)."""
        return self.by_section.get(section, ())

    def heading(self, anchor: str) -> Heading | None:
        """The first heading with this explicit anchor, if any."""
        return next((heading for heading in self.headings if heading.anchor == anchor), None)

    def marker_lines(self, text: str) -> list[Marker]:
        """The marker lines that hold exactly ``text`` (``<!-- control-index -->``)."""
        return [marker for marker in self.markers if marker.text == text]


def looks_like_citation(content: str) -> bool:
    """Whether bracket content holds anything shaped like a control identifier."""
    return bool(ID_SHAPE.search(unicodedata.normalize("NFKC", content)))


def as_plain_text(group: str) -> str:
    """How to write a bracket group so that it is shown as it is, not read as a citation:
    ``[7.0.4]`` → ``\\[7.0.4\\]``, ``【7.0.4】`` → ``&#12304;7.0.4&#12305;``."""
    if group.startswith("【"):
        return f"&#12304;{group[1:-1]}&#12305;"
    return f"\\[{group[1:-1]}\\]"


def _label(text: str) -> str:
    """A reference label as Python-Markdown compares them: lower case, spaces collapsed."""
    return " ".join(text.lower().split())


@dataclass
class _Blocks:
    """The block structure of a page: what is code, where headings are, which lines are prose together."""

    ignored: list[tuple[int, int]]
    headings: list[Heading]
    block_of_line: list[int]
    """For each line (0-based), the prose block it belongs to; -1 for a line that is not prose."""
    definitions: dict[str, int]
    """Reference labels the page defines, with the line of their definition."""
    definition_lines: set[int]
    """The lines (0-based) that are reference definitions."""
    raw: list[tuple[int, int]]
    """Offsets of raw HTML blocks, where Markdown (code spans included) is not read."""
    refusals: list[Refusal]
    markers: list[Marker]


class _BlockReader:
    """Reads the page line by line as Python-Markdown's block parser would (see the module docstring)."""

    def __init__(self, markdown: str, first_line: int) -> None:
        self.lines = markdown.split("\n")
        self.first_line = first_line
        self.starts: list[int] = []
        position = 0
        for line in self.lines:
            self.starts.append(position)
            position += len(line) + 1
        self.blocks = _Blocks([], [], [-1] * len(self.lines), {}, set(), [], [], [])
        self.block = 0
        self.level = 0  # the content indent of the innermost open container (list item, admonition)

    def end_of(self, index: int) -> int:
        return self.starts[index] + len(self.lines[index])

    def line_number(self, index: int) -> int:
        return self.first_line + index

    def read(self) -> _Blocks:
        index, block_start = 0, True
        while index < len(self.lines):
            line = self.lines[index]
            if not line.strip():
                index, block_start = index + 1, True
                self.block += 1
                continue
            indent = _indent(line)
            # Python-Markdown reads raw HTML (a comment, a block element) indented up to three spaces as at the margin
            lead = indent if indent < 4 else 0
            comment = LEADING_COMMENT.match(line[lead:]) if block_start and indent < 4 else None
            if comment:  # a top-level block of its own; what follows it on the line starts the next block
                self.level = 0
                self.blocks.block_of_line[index] = self.block
                self.block += 1
                if MARKER_LINE.match(line):  # a marker line starts at the margin
                    self.blocks.markers.append(Marker(line.strip(), self.line_number(index), self.starts[index], self.end_of(index)))
                line = self.lines[index] = line[lead + comment.end() :]
                self.starts[index] += lead + comment.end()
                if not line.strip():
                    index += 1
                    continue
            if block_start and indent >= self.level + 4:
                index = self._code_block(index, self.level + 4)
                continue
            definition = block_start and LINK_DEFINITION.match(line.lstrip())  # leaves no trace: the level stays
            if (block_start and not definition) or CONTAINER_OPENER.match(line.lstrip()):
                self._enter_level(indent, line.lstrip())
            fence = FENCE.match(line)
            if fence and (after := self._fenced(index, fence.group("fence"))) > index:
                index, block_start = after, True
                continue
            raw = RAW_BLOCK_START.match(line[lead:]) if block_start and indent < 4 and self.level == 0 else None
            if raw and "markdown" not in (raw.group("attrs") or ""):
                index = self._raw_block(index, (raw.group("tag") or "!--").lower())
                block_start = True
                continue
            consumed = self._heading(index, indent, block_start)
            if consumed:
                index, block_start = index + consumed, True
                self.block += 1
                continue
            self._prose(index, indent)
            index, block_start = index + 1, False
        return self.blocks

    def _enter_level(self, indent: int, text: str) -> None:
        """A block (or a list item) at ``indent``: close deeper containers, open one if it is an opener."""
        depth = min(indent, self.level) // 4
        self.level = (depth + 1) * 4 if CONTAINER_OPENER.match(text) else depth * 4

    def _code_block(self, index: int, indent: int) -> int:
        """An indented code block from line ``index``: lines indented ``indent`` or more, and blank lines."""
        first = last = index
        while index < len(self.lines) and (not self.lines[index].strip() or _indent(self.lines[index]) >= indent):
            if self.lines[index].strip():
                last = index
            index += 1
        self.blocks.ignored.append((self.starts[first], self.end_of(last)))
        return last + 1

    def _fenced(self, index: int, fence: str) -> int:
        """A fenced code block from its opening line to its closing fence; ``index`` itself when it is never closed."""
        first = index
        for index in range(first + 1, len(self.lines)):
            closing = FENCE.match(self.lines[index])
            if closing and closing.group("fence")[0] == fence[0] and len(closing.group("fence")) >= len(fence):
                if not self.lines[index][closing.end() :].strip():
                    self.blocks.ignored.append((self.starts[first], self.end_of(index)))
                    return index + 1
        return first  # never closed: Python-Markdown shows it as text

    def _raw_block(self, index: int, tag: str) -> int:
        """A raw HTML block (or comment): up to the line that closes its outermost element. Its lines are text, never headings."""
        if tag in VOID_BLOCK_TAGS:
            self.blocks.block_of_line[index] = self.block
            self.block += 1
            return index + 1
        if tag == "!--":
            return self._comment_block(index)
        opening = re.compile(rf"<{tag}\b[^>]*(?<!/)>", re.IGNORECASE)
        closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
        depth, first = 0, index
        while index < len(self.lines):
            line = self.lines[index]
            depth += len(opening.findall(line)) - len(closing.findall(line))
            self.blocks.block_of_line[index] = self.block
            if index > first and line.startswith("#") and ATX.match(line):
                reason = (
                    f"'{line.strip()}' is shown as text, not as a heading: it is inside the raw HTML block that starts on "
                    f"line {self.line_number(first)} (<{tag}>); write <{tag} markdown> there, or close the element before the heading"
                )
                self.blocks.refusals.append(Refusal(line.strip(), self.line_number(index), reason))
            index += 1
            if depth <= 0:
                break
        self.blocks.raw.append((self.starts[first], self.end_of(index - 1)))
        self.block += 1
        return index

    def _comment_block(self, index: int) -> int:
        """A comment over several lines, up to its first ``-->``; what follows that on its line starts the next block."""
        first = index
        while index < len(self.lines) and "-->" not in self.lines[index]:
            self.blocks.block_of_line[index] = self.block
            index += 1
        self.block += 1
        if index == len(self.lines):
            self.blocks.raw.append((self.starts[first], self.end_of(index - 1)))
            return index
        cut = self.lines[index].index("-->") + 3
        self.blocks.raw.append((self.starts[first], self.starts[index] + cut))
        rest = self.lines[index][cut:]
        if not rest.strip():
            return index + 1
        self.lines[index] = rest.lstrip()
        self.starts[index] += cut + len(rest) - len(rest.lstrip())
        return index  # read again as the start of a block

    def _heading(self, index: int, indent: int, block_start: bool) -> int:
        """How many lines the heading at line ``index`` takes (0 when there is none there)."""
        line = self.lines[index]
        if not self.level <= indent < self.level + 4:
            return 0
        text = line[len(line) - len(line.lstrip()) :]
        atx = ATX.match(text) if indent == self.level else None  # an indented "## …" is text
        if atx:
            self._add_heading(len(atx.group("hashes")), atx.group("text"), atx.group("attrs"), index, index)
            return 1
        # A setext heading's text may be indented up to three spaces, its underline not at all
        following = self.lines[index + 1] if index + 1 < len(self.lines) else ""
        if block_start and _indent(following) == self.level and SETEXT_UNDERLINE.match(following.strip()) and following.strip():
            match = SETEXT_TEXT.match(text)
            assert match is not None  # the pattern matches any line
            self._add_heading(1 if following.strip()[0] == "=" else 2, match.group("text"), match.group("attrs"), index, index + 1)
            return 2
        return 0

    def _add_heading(self, level: int, text: str, attrs: str | None, first: int, last: int) -> None:
        anchor = ANCHOR_ATTR.search(attrs or "")
        self.blocks.headings.append(
            Heading(
                level=level,
                text=text.strip(),
                anchor=anchor.group("anchor") if anchor else None,
                line=self.line_number(first),
                start=self.starts[first],
                end=self.end_of(last),
                attrs=(attrs or "").strip(),
            )
        )
        self.blocks.block_of_line[first] = self.block  # a heading is a block of its own line
        self.block += 1

    def _prose(self, index: int, indent: int) -> None:
        """A line of text: its block, a reference definition on it, a marker it is."""
        line = self.lines[index]
        self.blocks.block_of_line[index] = self.block
        definition = LINK_DEFINITION.match(line[min(indent, self.level) :])
        if definition:
            label = definition.group("label")
            self.blocks.definitions.setdefault(_label(label), self.line_number(index))
            self.blocks.definition_lines.add(index)
            if looks_like_citation(label):
                reason = (
                    f"[{label}]: … is a link definition, so [{label}] is never shown as a citation; "
                    f"rename the definition's label, or write the text as \\[{label}\\]"
                )
                self.blocks.refusals.append(Refusal(f"[{label}]", self.line_number(index), reason))


def _inline_ignored(markdown: str, blocks: _Blocks) -> list[tuple[int, int]]:
    """Code blocks, plus the code spans, comments and raw HTML code elements of the text between them."""
    spans: list[tuple[int, int]] = []
    position = 0
    for start, end in sorted(blocks.ignored) + [(len(markdown), len(markdown))]:
        if start < position:
            continue
        text_has_code = markdown.find("`", position, start) >= 0 or markdown.find("<", position, start) >= 0
        if text_has_code:
            spans += [m.span() for m in INLINE_IGNORED.finditer(markdown, position, start) if not _is_raw_code_span(m, blocks.raw)]
        spans.append((start, end))
        position = end
    return [span for span in spans if span[0] < span[1]]


def _is_raw_code_span(match: re.Match[str], raw: list[tuple[int, int]]) -> bool:
    """Whether a backtick span stands in a raw HTML block, where backticks are only text."""
    return match.group("ticks") is not None and _inside(raw, match.start())


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


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


class _Brackets:
    """Decides, bracket group by bracket group, what is a citation, a link, or refused."""

    def __init__(self, markdown: str, blocks: _Blocks, ignored: list[tuple[int, int]], line_starts: list[int], first_line: int) -> None:
        self.markdown = markdown
        self.blocks = blocks
        self.ignored = ignored
        self.line_starts = line_starts
        self.first_line = first_line
        self.heading_starts = [heading.start for heading in blocks.headings]

    def in_link_texts(self) -> tuple[set[int], list[Refusal]]:
        """Citation-shaped groups inside the text of an inline link or image (``[参照【A.9.2.3】](url)``,
        ``[see [A.9.2.3]](url)``, ``![図【A.9.2.3】](x.png)``): their starts, and a refusal for each.

        Python-Markdown makes the whole text the link's (or the image's alt text, which is not shown),
        so such a citation could be neither linked nor indexed: the writer moves it out.
        """
        inside, refusals = set(), []
        for link in LINK_TEXT.finditer(self.markdown):
            if _inside(self.ignored, link.start()) or _inside(self.blocks.raw, link.start()):
                continue
            offset = link.start("text")
            for group in BRACKET.finditer(link.group("text")):
                content = group.group("ja") if group.group("ja") is not None else group.group("en")
                if group.group("bang") or not looks_like_citation(content):
                    continue
                text = group.group(0)
                inside.add(offset + group.start(0))
                where = "an image's alt text, which is not shown" if link.group("bang") else "a link's text"
                reason = f"{text} is in {where}, so it is neither linked nor indexed as a citation; write it outside the brackets of the link"
                refusals.append(Refusal(text, self.first_line + self.line_index(offset + group.start(0)), reason))
        return inside, refusals

    def line_index(self, position: int) -> int:
        return bisect_right(self.line_starts, position) - 1

    def in_one_block(self, start: int, end: int) -> bool:
        """Whether a group stays in one block of prose (it may span its lines, never a blank line or a heading)."""
        first, last = self.line_index(start), self.line_index(end - 1)
        block = self.blocks.block_of_line[first]
        return block >= 0 and all(self.blocks.block_of_line[i] == block for i in range(first + 1, last + 1))

    def owner(self, position: int) -> tuple[Heading | None, bool]:
        """The section a citation at ``position`` belongs to, and whether it stands in that section's heading."""
        index = bisect_right(self.heading_starts, position) - 1
        if index < 0:
            return None, False
        heading = self.blocks.headings[index]
        in_heading = heading.start <= position < heading.end
        return (heading if heading.level >= 2 else None), in_heading and heading.level >= 2

    def roles(self) -> dict[int, str]:
        """What each English bracket group of prose is, by its start: ``text``, ``link``, ``label`` or ``shortcut``.

        Python-Markdown's inline patterns, each a pass over what the earlier ones left as text:
        ``[text][label]`` (one space or line break allowed between) is a link when the label
        is defined, its label then never text (a pair with an undefined label is skipped by
        this pass only); then ``[text](url)``; then ``[text]`` alone when its text is a
        defined label (a shortcut). Every group takes part, citation-shaped or not.
        """
        groups = [
            match
            for match in BRACKET.finditer(self.markdown)
            if match.group("en") is not None and not match.group("bang") and self.markdown[match.start("en") - 2 : match.start("en") - 1] != "\\"
        ]
        roles: dict[int, str] = {}
        attempt: re.Match[str] | None = None  # the group whose label slot the next group may fill
        for match in groups:
            if attempt is not None and re.fullmatch(r"\s?", self.markdown[attempt.end() : match.start("en") - 1]):
                if _label(match.group("en") or attempt.group("en")) in self.blocks.definitions:
                    roles[attempt.start("en") - 1], roles[match.start("en") - 1] = "link", "label"
                attempt = None
            else:
                attempt = match
        for match in groups:
            start = match.start("en") - 1
            if start in roles:
                continue
            if self.markdown[match.end() : match.end() + 1] == "(":
                roles[start] = "link"
            elif _label(match.group("en")) in self.blocks.definitions:
                roles[start] = "shortcut"
        return roles

    def read(self) -> tuple[list[Citation], list[Refusal]]:
        roles = self.roles()
        in_links, refusals = self.in_link_texts()
        citations = []
        for match in BRACKET.finditer(self.markdown):
            group = "ja" if match.group("ja") is not None else "en"
            content = match.group(group)
            start = match.start(group) - 1
            if _inside(self.ignored, start) or not looks_like_citation(content) or not self.in_one_block(start, match.end()):
                continue
            if start in in_links:
                continue
            line = self.first_line + self.line_index(start)
            if group == "en" and not _inside(self.blocks.raw, start):  # raw HTML shows brackets as they are
                if match.group("bang") or self.markdown[start - 1 : start] == "\\":
                    continue  # an image's text, or brackets the writer escaped
                if self.line_index(start) in self.blocks.definition_lines and self.markdown[match.end() : match.end() + 1] == ":":
                    continue  # a definition's label: refused where the definition was read
                role = roles.get(start, "text")
                if role == "shortcut":
                    defined = self.blocks.definitions[_label(content)]
                    reason = (
                        f"[{content}] is a link to the definition on line {defined}, not a citation; "
                        f"rename that definition's label, or write the text as \\[{content}\\]"
                    )
                    refusals.append(Refusal(f"[{content}]", line, reason))
                if role != "text":
                    continue
            section, in_heading = self.owner(start)
            citations.append(
                Citation(
                    text=self.markdown[start : match.end()],
                    items=_items(content, match.start(group)),
                    line=line,
                    start=start,
                    end=match.end(),
                    section=section,
                    in_heading=in_heading,
                )
            )
        return citations, refusals


Edit = tuple[int, int, str]
"""A change to a text: the (start, end) span replaced by the text (an insertion when start == end)."""


def splice(text: str, edits: Iterable[Edit], between: Callable[[str], str] = lambda stretch: stretch) -> str:
    """``text`` with each span replaced by its text, in order (a span starting inside an earlier one is
    left out), and ``between`` applied to each stretch between the spans: the one walk that rewrites
    a page's prose around its code (``scan(text).ignored``), headings or marker lines."""
    pieces, position = [], 0
    for start, end, replacement in sorted(edits):
        if start >= position:
            pieces += [between(text[position:start]), replacement]
            position = end
    pieces.append(between(text[position:]))
    return "".join(pieces)


def scan(markdown: str, first_line: int = 1) -> PageScan:
    """Read a page: its headings, every citation with the section it belongs to, what it refuses.

    ``first_line`` is the line of the file the Markdown starts on (after front matter).
    Cached by text: each language's build reads both editions, and the hook scans a page's
    Markdown when it reads the files and again when it publishes the page. Line breaks at
    the end change nothing and are left out of the key: plugins that re-join a page's
    lines (mkdocs-static-i18n) drop the last one.
    """
    return _scan(markdown.rstrip("\n"), first_line)


@lru_cache(maxsize=16384)
def _scan(markdown: str, first_line: int) -> PageScan:
    """``scan`` of a text without line breaks at its end."""
    blocks = _BlockReader(markdown, first_line).read()
    ignored = _inline_ignored(markdown, blocks)
    line_starts = [0] + [m.end() for m in re.finditer("\n", markdown)]
    citations, refusals = _Brackets(markdown, blocks, ignored, line_starts, first_line).read()
    code = [span for span in ignored if not markdown.startswith("<!--", span[0])]
    markers = [marker for marker in blocks.markers if not _inside(code, marker.start)]
    return PageScan(
        headings=tuple(blocks.headings),
        citations=tuple(citations),
        refusals=tuple(sorted(blocks.refusals + refusals, key=lambda refusal: refusal.line)),
        markers=tuple(markers),
        ignored=tuple(ignored),
        text=markdown,
        first_line=first_line,
    )
