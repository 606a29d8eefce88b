"""A page's Markdown as the site publishes it: citations linked, generated parts filled in.

A page asks for a generated part with a marker line (``<!-- control-index -->``); this
module fills the markers whose part follows from the index alone (control index, 2022
crosswalk, coverage); the caller gives the text of the others (``filled``): the errata and
the web-edition additions (``analysis``), and the print edition, which needs the other
pages. The same function serves ordinary pages and the parts of the print edition: only
the ``Linker`` differs.

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
from collections.abc import Callable, Mapping, Sequence

from isocontrols import coverage, crosswalk, print_edition, rendering
from isocontrols.catalogue import Catalogue
from isocontrols.citations import Edit, scan, splice
from isocontrols.index import Entry
from isocontrols.urls import Linker
from isocontrols.wording import additions

Generator = Callable[[dict[str, Entry], Catalogue, str, Linker], str]
"""Renders one generated part from the index, the catalogue, the language and a linker."""

GENERATORS: dict[str, Generator] = {
    rendering.INDEX_MARKER: rendering.render_index,
    crosswalk.VIEW_MARKER: lambda entries, cat, language, link: crosswalk.render_view(crosswalk.build(entries, cat), cat, language, link),
    coverage.COVERAGE_MARKER: lambda entries, cat, language, link: coverage.render_coverage(coverage.build(entries, cat, language), language, link),
}
"""Each marker a page may hold, and what replaces it."""

HTML_BLOCK_LINE = re.compile(r"^<(?P<tag>ul|ol|div|p|table)\b[^\n]*</(?P=tag)>$", re.MULTILINE)
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


MARKERS: tuple[str, ...] = (*GENERATORS, rendering.ERRATA_MARKER, additions.MARKER, print_edition.PRINT_MARKER, print_edition.NOTE_MARKER)
"""Every marker line a page may hold: each generated part once per page (``validation.check_markers``)."""

CODE_ELEMENT = re.compile(r"<(?P<tag>pre|code|kbd|samp|textarea)\b[^>]*>.*?</(?P=tag)>", re.DOTALL | re.IGNORECASE)
"""An element whose text is code: a citation link must never end up inside one."""


class Deferred:
    """Generated HTML blocks of one page, held out of the Markdown and restored into its HTML.

    Restoring also tells where a held citation link did not come back as a link in the
    page's text (inside an attribute, or inside code), so that the hook can report it: the
    scanner and Python-Markdown read that place differently, and the page must not show a
    citation that the index does not count, or count one it does not show.
    """

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.inline: list[tuple[str, int]] = []
        self.misplaced: list[tuple[int, str]] = []
        """(line, text) of each held citation that came back inside an attribute or code."""

    def hold(self, generated: str) -> str:
        """Replace each one-line HTML block of generated Markdown by a placeholder comment."""

        def placeholder(match: re.Match[str]) -> str:
            self.blocks.append(match.group(0))
            return f"<!--isocontrols-block-{len(self.blocks) - 1}-->"

        return HTML_BLOCK_LINE.sub(placeholder, generated)

    def hold_inline(self, markup: str, text: str, line: int = 0) -> str:
        """Hold one inline link written at ``line``; ``text`` stays in the Markdown between marks."""
        number = "".join(chr(MARK_DIGIT_ZERO + int(digit)) for digit in str(len(self.inline)))
        self.inline.append((markup, line))
        return f"\U000f0001{number}\U000f0002{text}\U000f0003"

    def restore(self, html: str) -> str:
        """Put the held blocks and links back where their placeholders ended up in the page's HTML."""
        if self.inline:
            html = TAG_WITH_MARK.sub(lambda match: self._as_text(match.group(0)), html)
            html = CODE_ELEMENT.sub(lambda match: self._as_text(match.group(0)) if "\U000f0001" in match.group(0) else match.group(0), html)
            html = INLINE_MARK.sub(lambda match: self.inline[_mark_number(match.group("number"))][0], html)
        if not self.blocks:
            return html
        return PLACEHOLDER.sub(lambda match: self.blocks[int(match.group("number"))], html)

    def _as_text(self, html: str) -> str:
        """Held links inside a tag or code: kept as their text, and remembered as misplaced."""
        for match in INLINE_MARK.finditer(html):
            self.misplaced.append((self.inline[_mark_number(match.group("number"))][1], match.group("text")))
        return plain(html)


def _mark_number(digits: str) -> int:
    return int("".join(str(ord(digit) - MARK_DIGIT_ZERO) for digit in digits))


def plain(text: str) -> str:
    """Text copied out of a page before its links were restored, without the marks (``A.9.2.3``)."""
    return INLINE_MARK.sub(lambda match: match.group("text"), text) if "\U000f0001" in text else text


def page_markdown(
    markdown: str,
    language: str,
    entries: dict[str, Entry],
    catalogue: Catalogue,
    link: Linker,
    deferred: Deferred,
    first_line: int = 1,
    filled: Mapping[str, str] | None = None,
    edits: Sequence[Edit] = (),
) -> str:
    """Link the page's citations and fill each marker line it holds (its big HTML blocks held in ``deferred``).

    Only a marker alone on its line outside code is filled, and only its first line: a marker
    written as an example stays an example, and a second one is a validation problem.
    ``filled`` gives the text of markers that the caller generates (the print edition's);
    ``edits`` are the caller's own changes (the translation notices under headings).
    """
    page = scan(markdown, first_line)
    edits = list(edits)
    for citation in page.citations:
        for item in citation.items:
            control = catalogue.controls.get(item.text)
            if control is not None:
                markup = rendering.citation_link(control, language, link)
                edits.append((item.start, item.end, deferred.hold_inline(markup, item.text, citation.line)))
    done: set[str] = set()
    for marker in page.markers:
        if marker.text in done:
            continue
        if marker.text in GENERATORS:
            edits.append((marker.start, marker.end, deferred.hold(GENERATORS[marker.text](entries, catalogue, language, link))))
        elif filled and marker.text in filled:
            edits.append((marker.start, marker.end, filled[marker.text]))
        done.add(marker.text)
    return splice(markdown, edits)
