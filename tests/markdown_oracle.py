"""Python-Markdown as the oracle of what a page shows: its headings and the citation-shaped text it displays.

The scanner (``isocontrols.citations``) reads Markdown without rendering it; these helpers
render the same Markdown with the site's extensions and read back what a reader would see,
so tests can require the two to agree.
"""

from __future__ import annotations

import re
from html import unescape

import markdown

from isocontrols.citations import BRACKET, looks_like_citation

EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc",
    "pymdownx.superfences", "pymdownx.details",
]  # fmt: skip
"""The Markdown extensions of the site (``mkdocs.yml``)."""

NOT_TEXT = re.compile(
    r"<(?P<tag>pre|code|a|script|style|kbd|samp|textarea)\b[^>]*>.*?</(?P=tag)>|<!--.*?-->|<img\b[^>]*>",
    re.DOTALL | re.IGNORECASE,
)
TAG = re.compile(r"<[^>]+>")
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|td|th|dt|dd|div|blockquote|details|summary)>|<hr\s*/?>", re.IGNORECASE)
"""Where a block of text ends: a bracket group never runs past it."""
HEADING = re.compile(r"<h(?P<level>[1-6])(?: id=\"(?P<id>[^\"]*)\")?[^>]*>(?P<text>.*?)</h[1-6]>", re.DOTALL)


def render(source: str) -> str:
    """The HTML Python-Markdown makes of ``source`` with the site's extensions."""
    return markdown.markdown(source, extensions=EXTENSIONS)


def shown_citations(source: str) -> list[str]:
    """The citation-shaped bracket groups shown as text (not code, not a link, not an image), spaces collapsed.

    Brackets the writer escaped (``\\[``) are shown as brackets too, but as plain text by intent:
    they are set apart before rendering so that they never count.
    """
    source = source.replace("\\[", "⟦").replace("\\]", "⟧")
    found = []
    for block in BLOCK_END.split(NOT_TEXT.sub(" ", render(source))):
        found += _citation_groups(unescape(TAG.sub("", block)))
    return found


def _citation_groups(text: str) -> list[str]:
    found = []
    for match in BRACKET.finditer(text):
        content = match.group("ja") if match.group("ja") is not None else match.group("en")
        if looks_like_citation(content) and not match.group("bang"):
            found.append(" ".join(match.group(0).split()))
    return found


def shown_headings(source: str) -> list[tuple[int, str | None]]:
    """Each heading of the rendered page: its level and the id written in an attribute list, in order."""
    explicit = set(re.findall(r"\{[^}\n]*#([^\s}]+)", source))
    return [
        (int(match.group("level")), match.group("id") if match.group("id") in explicit else None)
        for match in HEADING.finditer(render(source))
    ]
