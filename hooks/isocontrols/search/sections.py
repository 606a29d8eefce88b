"""A page's search entries: its HTML cut into sections, one per heading with an ``id``.

This is Material for MkDocs' own section splitter (``material/plugins/search/plugin.py``,
class ``Parser``, 9.x) carried over rule for rule, so that the entries are the ones
Material would write, but without ``html.parser``: a regular expression cuts the HTML
into tags and text, which is several times faster on a page of ten thousand links.
The rules it keeps:

- a heading (``h1``–``h6``) with an ``id`` starts a section; text before the first one
  belongs to an untitled first section (titled with the page title), and the first
  section's location is the page itself;
- a section's text keeps ``p``, ``code``, ``pre``, ``li``, ``ol``, ``ul``, ``sub`` and
  ``sup`` as bare tags (an element left empty is dropped) and only the text of all
  others; whitespace collapses outside ``pre``; text is HTML-escaped (``&``, ``<``, ``>``);
- ``script``, ``style`` and ``object`` are left out, and so is an element marked
  ``data-search-exclude`` (like Material, by tag name until that element closes; when
  nothing inside could count, its content is dropped in one step: the generated pages
  hold thousands of such links);
- a heading's permalink (``a.headerlink``) is not part of its title.

``tests/test_search_sections.py`` compares the result with Material's parser on every
page of the built site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from typing import TypedDict

from isocontrols.escaping import html_text

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
"""Tags a section's text keeps (without attributes)."""

ALWAYS_SKIPPED = ("object", "script", "style")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})
"""Tags without an end tag: they never enter the context."""

PIECE = re.compile(
    r"<(?P<raw>script|style)\b[^>]*>.*?</(?P=raw)\s*>"  # raw text: never indexed
    r"|<!--.*?-->|<![^>]*>|<\?[^>]*>"  # comments, doctype, processing instructions
    r"|</(?P<end>[a-zA-Z][^\s/>]*)\s*>"
    r"|<(?P<start>[a-zA-Z][^\s/>]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|(?P<text>[^<]+|<)",
    re.DOTALL | re.IGNORECASE,
)
"""One piece of HTML: a raw-text element, a comment, an end tag, a start tag or text."""

EXCLUDED_ELEMENT = re.compile(
    r"(?P<open><(?P<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^<>]*\sdata-search-exclude\b[^<>]*>)(?P<inner>.*?)(?P<close></(?P=tag)\s*>)",
    re.DOTALL,
)
"""An element left out of search, up to the first end tag of its name."""

CITATION_LINK = re.compile(r'<a class="citation" href="[^"<>]*" title="[^"<>]*">(?P<text>[^<>\s]+)</a>')
"""A citation link as the hook writes it (``rendering.link_citations``): only its text counts for search.
Taken out before the pieces are cut (ten to a page of the white paper); its text never stands alone
between spaces, so the text around it reads the same."""

HEADING_START = re.compile(r"<h[1-6][\s>]", re.IGNORECASE)
"""The start tag of a heading, which opens a section even inside an excluded element."""

ATTRIBUTES_READ = ("headerlink", "data-search-exclude", "linenodiv")
"""Words without which a tag's attributes (other than a heading's ``id``) change nothing: only then are they read."""

ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


class SearchEntry(TypedDict):
    """One entry of the search index, as in Material's ``search_index.json``."""

    location: str
    title: str
    text: str


@dataclass
class _Section:
    """A section being read: its heading's tag (``hx`` before the first heading), depth, anchor and parts."""

    tag: str
    depth: float
    anchor: str | None = None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    excluded: bool = False


def attributes(markup: str) -> dict[str, str]:
    """A start tag's attributes, names lower-cased and values unescaped (as ``html.parser`` gives them)."""
    return {
        name.lower(): unescape(next((value for value in values if value), ""))
        for name, *values in ATTRIBUTE.findall(markup)
    }


class _Splitter:
    """Material's parser as a loop over regular-expression pieces (names follow Material's)."""

    def __init__(self) -> None:
        self.skip: set[str] = set(ALWAYS_SKIPPED)
        self.tags: list[str] = []  # the context: open elements' tag names
        self.headerlinks: list[bool] = []  # for each, whether it is a heading's permalink
        self.open_headerlinks = 0
        self.section: _Section | None = None
        self.data: list[_Section] = []

    def skipping(self) -> bool:
        return not self.skip.isdisjoint(self.tags)

    def current(self) -> _Section:
        """The section being read; before anything else, an untitled first one (Material's "preface")."""
        if self.section is None:
            self.section = _Section("hx", 0)
            self.data.append(self.section)
        return self.section

    def target(self) -> list[str]:
        section = self.current()
        return section.title if section.tag in self.tags else section.text

    def start(self, tag: str, markup: str) -> None:
        if tag in VOID:
            return
        attrs = attributes(markup) if tag in HEADINGS or any(name in markup for name in ATTRIBUTES_READ) else {}
        headerlink = tag == "a" and attrs.get("class") == "headerlink"
        self.tags.append(tag)
        self.headerlinks.append(headerlink)
        self.open_headerlinks += headerlink
        excluded = "data-search-exclude" in attrs
        if tag in HEADINGS and "id" in attrs:
            depth = len(self.tags)
            if tag != "h1" and not self.data:
                self.data.append(_Section("hx", depth))
            self.section = _Section(tag, depth, attrs["id"] if self.data else None, excluded=excluded)
            self.data.append(self.section)
        self.current()
        if excluded or attrs.get("class") == "linenodiv":
            self.skip.add(tag)
            return
        if tag in KEPT and not self.skipping():
            self.target().append(f"<{tag}>")

    def end(self, tag: str) -> None:
        if not self.tags or self.tags[-1] != tag:
            return
        assert self.section is not None
        if self.section.depth > len(self.tags):
            for section in reversed(self.data):
                if section.depth <= len(self.tags):
                    self.section.depth = float("inf")
                    self.section = section
                    break
        self.tags.pop()
        self.open_headerlinks -= self.headerlinks.pop()
        if tag in self.skip:
            if tag not in ALWAYS_SKIPPED:
                self.skip.remove(tag)
            return
        if tag in KEPT and not self.skipping():
            data = self.target()
            opened = data.index(f"<{tag}>") if f"<{tag}>" in data else len(data)
            if any(not piece.isspace() for piece in data[opened + 1 :]) or opened == len(data):
                data.append(f"</{tag}>")
            else:
                del data[opened:]

    def text(self, data: str) -> None:
        if self.skipping():
            return
        in_pre = "pre" in self.tags
        if not in_pre:
            data = " " if data.isspace() else data.replace("\n", " ")
        section = self.current()
        if section.tag in self.tags:
            if not self.open_headerlinks:
                section.title.append(html_text(data))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or in_pre:
                section.text.append(data)
        else:
            section.text.append(html_text(data))


def _without_excluded_content(html: str) -> str:
    """Empty the elements left out of search, which a page of generated lists holds by the thousand.

    Only where nothing inside could count: no element of the same name (whose end tag
    would close it first) and no heading (which would start a section even there).
    """

    def emptied(match: re.Match[str]) -> str:
        inner = match.group("inner")
        if f"<{match.group('tag')}" in inner or HEADING_START.search(inner):
            return match.group(0)
        return match.group("open") + match.group("close")

    return EXCLUDED_ELEMENT.sub(emptied, html) if "data-search-exclude" in html else html


def entries(html: str, url: str, page_title: str) -> list[SearchEntry]:
    """The search entries of a page's HTML: ``url`` is the page's (``operations/``)."""
    html = CITATION_LINK.sub(r"\g<text>", _without_excluded_content(html))
    splitter = _Splitter()
    pending = ""  # text is delivered whole between tags, entities decoded, as html.parser does
    for piece in PIECE.finditer(html):
        kind = piece.lastgroup
        if kind == "text":
            pending += piece.group()
            continue
        if pending:
            splitter.text(unescape(pending))
            pending = ""
        if kind == "attrs":
            tag, markup = piece.group("start").lower(), piece.group("attrs")
            splitter.start(tag, markup)
            if markup.endswith("/"):  # <path … />: html.parser ends it at once
                splitter.end(tag)
        elif kind == "raw":  # its text is never indexed
            splitter.start(piece.group("raw").lower(), "")
            splitter.end(piece.group("raw").lower())
        elif kind == "end":
            splitter.end(piece.group("end").lower())
    if pending:
        splitter.text(unescape(pending))
    return [
        SearchEntry(
            location=url + (f"#{section.anchor}" if section.anchor else ""),
            title="".join(section.title).strip() if section.title else page_title,
            text="".join(section.text).strip(),
        )
        for section in splitter.data
        if not section.excluded
    ]
