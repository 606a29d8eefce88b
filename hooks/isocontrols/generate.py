"""A page's Markdown as the site publishes it: citations linked, generated parts filled in.

A page asks for a generated part with a marker line (``<!-- control-index -->``); this
module knows every marker except the print edition's, which needs the other pages and is
assembled by the hook. The same function serves ordinary pages and the parts of the print
edition: only the ``Linker`` differs.
"""

from __future__ import annotations

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


def page_markdown(markdown: str, language: str, entries: dict[str, Entry], catalogue: Catalogue, link: Linker) -> str:
    """Link the page's citations, then fill each marker it holds."""
    markdown = rendering.link_citations(markdown, scan(markdown), language, catalogue, link)
    for marker, generator in GENERATORS.items():
        if marker in markdown:
            markdown = rendering.replace_marker(markdown, marker, generator(entries, catalogue, language, link))
    return markdown
