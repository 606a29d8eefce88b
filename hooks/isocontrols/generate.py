"""A page's Markdown as the site publishes it: citations linked, generated parts filled in.

A page asks for a generated part with a marker line (``<!-- control-index -->``); this
module knows every marker except the print edition's, which needs the other pages and is
assembled by the hook. The same function serves ordinary pages and the parts of the print
edition: only the ``Linker`` differs.

Generated lists of links are HTML already. On a large site they hold tens of thousands of
links, which Python-Markdown would parse again for nothing, so ``Deferred`` keeps each such
one-line block out of the Markdown (a comment stands in for it) and puts it back into the
page's HTML afterwards. Citation links are held the same way, inline: the identifier stays
in the text between private-use characters (a start mark, the link's number written in
private-use digits, a middle mark, ``A.9.2.3``, an end mark), which Python-Markdown passes
through as plain text, and the link replaces them in the HTML. Raw inline HTML would cost
Python-Markdown about as much again as the page's own text. Where text is copied out of the
HTML before the link is back (the table of contents, the page title), ``plain`` removes the
marks; slugs of headings without an ``{#id}`` leave them out as they leave out any non-ASCII
character.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from isocontrols import coverage, crosswalk, errata, rendering
from isocontrols.catalogue import Catalogue
from isocontrols.citations import scan
from isocontrols.index import Entry
from isocontrols.urls import Linker

Generator = Callable[[dict[str, Entry], Catalogue, str, Linker], str]
"""Renders one generated part from the index, the catalogue, the language and a linker."""

GENERATORS: dict[str, Generator] = {
    rendering.INDEX_MARKER: rendering.render_index,
    rendering.ERRATA_MARKER: lambda entries, cat, language, link: rendering.render_errata(errata.load(), language, link),
    crosswalk.VIEW_MARKER: lambda entries, cat, language, link: crosswalk.render_view(crosswalk.build(entries, cat), cat, language, link),
    coverage.COVERAGE_MARKER: lambda entries, cat, language, link: coverage.render_coverage(coverage.build(entries, cat, language), language, link),
}
"""Each marker a page may hold, and what replaces it."""

HTML_BLOCK_LINE = re.compile(r"^<(?P<tag>ul|ol|div|p)\b[^\n]*</(?P=tag)>$", re.MULTILINE)
"""A generated raw HTML block written on one line."""

PLACEHOLDER = re.compile(r"<!--isocontrols-block-(?P<number>\d+)-->")
"""What stands in the Markdown, and then in the HTML, for a deferred block."""

MARK_DIGIT_ZERO = 0xF0010
"""The private-use code point that stands for the digit 0 in a held link's number (1 is the next, …)."""

INLINE_MARK = re.compile("\U000f0001(?P<number>[\U000f0010-\U000f0019]+)\U000f0002(?P<text>[^\U000f0001-\U000f0003]*)\U000f0003")
"""What stands in the Markdown, and then in the HTML, for a deferred inline link: its number and its text
(which Markdown may have marked up, as ``abbr`` does an abbreviation: the link replaces it whole)."""

TAG_WITH_MARK = re.compile("<[^<>]*\U000f0001[^<>]*>")
"""An HTML tag with a mark inside (a citation written in a link title, say): it gets the text only."""


class Deferred:
    """Generated HTML blocks of one page, held out of the Markdown and restored into its HTML."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.inline: list[str] = []

    def hold(self, generated: str) -> str:
        """Replace each one-line HTML block of generated Markdown by a placeholder comment."""

        def placeholder(match: re.Match[str]) -> str:
            self.blocks.append(match.group(0))
            return f"<!--isocontrols-block-{len(self.blocks) - 1}-->"

        return HTML_BLOCK_LINE.sub(placeholder, generated)

    def hold_inline(self, markup: str, text: str) -> str:
        """Hold one inline link; ``text`` stays in the Markdown between marks."""
        number = "".join(chr(MARK_DIGIT_ZERO + int(digit)) for digit in str(len(self.inline)))
        self.inline.append(markup)
        return f"\U000f0001{number}\U000f0002{text}\U000f0003"

    def restore(self, html: str) -> str:
        """Put the held blocks and links back where their placeholders ended up in the page's HTML."""
        if self.inline:
            html = TAG_WITH_MARK.sub(lambda match: plain(match.group(0)), html)
            html = INLINE_MARK.sub(lambda match: self.inline[_mark_number(match.group("number"))], html)
        if not self.blocks:
            return html
        return PLACEHOLDER.sub(lambda match: self.blocks[int(match.group("number"))], html)


def _mark_number(digits: str) -> int:
    return int("".join(str(ord(digit) - MARK_DIGIT_ZERO) for digit in digits))


def plain(text: str) -> str:
    """Text copied out of a page before its links were restored, without the marks (``A.9.2.3``)."""
    return INLINE_MARK.sub(lambda match: match.group("text"), text) if "\U000f0001" in text else text


def page_markdown(
    markdown: str, language: str, entries: dict[str, Entry], catalogue: Catalogue, link: Linker, deferred: Deferred
) -> str:
    """Link the page's citations, then fill each marker it holds (its big HTML blocks held in ``deferred``)."""
    markdown = rendering.link_citations(markdown, scan(markdown), language, catalogue, link, deferred.hold_inline)
    for marker, generator in GENERATORS.items():
        if marker in markdown:
            generated = deferred.hold(generator(entries, catalogue, language, link))
            markdown = rendering.replace_marker(markdown, marker, generated)
    return markdown
