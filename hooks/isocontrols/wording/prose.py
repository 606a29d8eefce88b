"""A Markdown page as the words a reader reads, line by line, each line with the section it is in.

The wording checks look at prose only: fenced and inline code, HTML comments, link targets,
bare addresses, attribute lists, tags and front-matter keys are blanked out, so that
``[準拠法](compliance.md)`` is read as 準拠法 and ``<!-- errata -->`` as nothing. The front
matter's ``title`` and ``description`` are prose (the page's title and its meta description).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from isocontrols.citations import Heading, scan, splice

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
"""A YAML front matter block at the start of a page."""

SHOWN_META = re.compile(r"^(?:title|description):[ \t]*(?P<value>.*)$")
"""A front-matter line whose value readers see (the rest is configuration)."""

NOT_PROSE = [
    re.compile(r"\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)"),  # the target of an inline link: ](operations.md#backup)
    re.compile(r"^ {0,3}\[[^\]\n]+\]:.*$", re.MULTILINE),  # a reference definition
    re.compile(r"<(?:https?://|mailto:)[^>\s]*>"),  # an autolink: its address
    re.compile(r"<[^<>\n]*>"),  # an HTML tag (its text stays)
    re.compile(r"\{:?[ \t]*[#.][^{}\n]*\}"),  # an attribute list: {#backup}, { .class }
    re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[^\"\n]*", re.MULTILINE),  # an admonition's type (its title stays)
    re.compile(r"^[ \t]*#{1,6}(?=[ \t])", re.MULTILINE),  # a heading's marks
]
"""Markup that is not words a reader reads, in the order it is blanked out."""


@dataclass(frozen=True)
class ProseLine:
    """One line of a page as prose: its number in the file, its words and the section it is in."""

    line: int
    text: str
    section: Heading | None
    """The nearest heading above the line, or the line's own heading; ``None`` before the first."""


def _blank(text: str) -> str:
    """The text with every character but line breaks turned into a space."""
    return re.sub(r"[^\n]", " ", text)


def without_code(markdown: str) -> str:
    """Code and HTML comments blanked out, lines kept: what ``citations.scan`` reads as code
    (fenced, indented and inline code, raw HTML code elements), so both read a page alike."""
    return splice(markdown, [(start, end, _blank(markdown[start:end])) for start, end in scan(markdown).ignored])


def _front_matter_as_prose(markdown: str) -> str:
    """The front matter with only the values of ``title`` and ``description`` left (lines kept)."""
    match = FRONT_MATTER.match(markdown)
    if not match:
        return markdown
    front = match.group(0).split("\n")
    return "\n".join(_shown_value(line) for line in front) + markdown[match.end() :]


def _shown_value(line: str) -> str:
    """A front-matter line as prose: the value of a shown field, or nothing."""
    match = SHOWN_META.match(line)
    return match.group("value").strip().strip("\"'") if match else ""


def lines(markdown: str) -> list[ProseLine]:
    """Every line of the page that holds words, as prose, with its section (headings from ``citations.scan``)."""
    text = without_code(_front_matter_as_prose(markdown))
    for pattern in NOT_PROSE:
        text = pattern.sub(lambda match: _blank(match.group(0)), text)
    headings = scan(markdown).headings
    starts = [heading.line for heading in headings]
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        words = " ".join(line.replace("|", " ").split())
        if words:
            index = bisect_right(starts, number) - 1
            found.append(ProseLine(number, words, headings[index] if index >= 0 else None))
    return found
