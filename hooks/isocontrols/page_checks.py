"""Checks on a page once Python-Markdown has rendered it: the page shows what the index says it holds.

The scanner (``citations``) reads Markdown without rendering it, so that the index can be
built before any page is; these checks compare its reading with the page's HTML, so that
a construct the two read differently is reported instead of published wrong:

- every anchor the site links to on the page is the id of an element of the page (a
  heading that is not rendered as one, inside raw HTML say, would leave the index's link
  pointing nowhere);
- no id is used twice on a page (two headings with one anchor, or a writer's ``{#a-9-2-3}``
  on the page where the control index generates that id);
- each anchored heading shows the text that the index, the exports and search name it by;
- no citation-shaped text is shown that the scanner did not read as a citation (every
  citation is linked and indexed, or reported by validation), unless the writer wrote its
  brackets as plain text (``\\[…\\]``, ``&#12304;…&#12305;``) or it is a quotation that the
  site marks ``quoted-text`` (the errata quote the source's citations).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from html import unescape

from isocontrols.citations import BRACKET, PageScan, as_plain_text, looks_like_citation
from isocontrols.errata import Erratum
from isocontrols.index import Entry
from isocontrols.problems import Problem

ID = re.compile(r"<[a-zA-Z][^<>]*?\sid=\"(?P<id>[^\"]*)\"")
"""The id of an element (as Python-Markdown and the hook write them: double quotes)."""

HEADING = re.compile(r"<h(?P<level>[1-6])\b[^>]*?\sid=\"(?P<id>[^\"]*)\"[^>]*>(?P<inner>.*?)</h(?P=level)>", re.DOTALL)
"""A heading with an id, and its content."""

HEADERLINK = re.compile(r"<a class=\"headerlink\"[^>]*>.*?</a>", re.DOTALL)
"""The permalink the toc extension appends to a heading: not part of its text."""

CITATION_LINK = re.compile(r"<a class=\"citation\"[^>]*>(?P<text>.*?)</a>", re.DOTALL)
"""A citation link the hook wrote: its text is the cited identifier."""

NOT_TEXT = re.compile(
    r"<(?P<tag>pre|code|kbd|samp|textarea|script|style)\b[^>]*>.*?</(?P=tag)>"
    r"|<(?P<quoted>span)\b[^>]*class=\"quoted-text\"[^>]*>.*?</(?P=quoted)>"
    r"|<!--.*?-->",
    re.DOTALL | re.IGNORECASE,
)
"""What is not the page's own prose: code, quotations, comments. (The text of links is prose: a citation
written in a link's text is refused by the scanner, and counted here as accounted for.)"""

BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|td|th|dt|dd|div|blockquote|details|summary|figcaption|caption)>|<hr\b[^>]*>", re.IGNORECASE)
"""Where a block of text ends: a bracket group never runs past it."""

TAG = re.compile(r"<[^<>]*>")


def text_of(html: str) -> str:
    """The text of a piece of HTML, entities decoded and spaces collapsed."""
    return " ".join(unescape(TAG.sub("", html)).split())


def linked_anchors(entries: Mapping[str, Entry], errata: Iterable[Erratum], language: str) -> dict[str, dict[str, str]]:
    """Page → anchor → what links to it from elsewhere on the site, in ``language``."""
    linked: dict[str, dict[str, str]] = {}
    for entry in entries.values():
        for ref in entry.sections.get(language, ()):
            if ref.anchor:
                linked.setdefault(ref.page, {}).setdefault(ref.anchor, "the control index")
    for erratum in errata:
        linked.setdefault(erratum.page, {}).setdefault(erratum.anchor, "the errata")
    return linked


def check_ids(path: str, html: str, page: PageScan, linked: Mapping[str, str]) -> list[Problem]:
    """Anchors linked from elsewhere exist on the page, and no id is used twice."""
    counts = Counter(match.group("id") for match in ID.finditer(html))
    problems = []
    for anchor, by in linked.items():
        if anchor not in counts:
            heading = page.heading(anchor)
            shown = f"heading '{heading.text}' {{#{anchor}}}" if heading else f"#{anchor}"
            problems.append(
                Problem(path, heading.line if heading else None, f"{shown} is not rendered as a heading on the page, yet {by} links to it; write it as a Markdown heading outside raw HTML")
            )
    for anchor, count in counts.items():
        if count > 1:
            heading = page.heading(anchor)
            problems.append(
                Problem(path, heading.line if heading else None, f"id '{anchor}' is used {count} times on the built page; each anchor must name one place (choose another anchor)")
            )
    return problems


def check_headings(path: str, html: str, page: PageScan) -> list[Problem]:
    """Each anchored heading shows the words the index and the exports name it by."""
    shown = {match.group("id"): text_of(HEADERLINK.sub("", match.group("inner"))) for match in HEADING.finditer(html)}
    return [
        Problem(path, heading.line, f"heading '{heading.text}' is shown as '{shown[heading.anchor]}' but read as '{heading.plain}'; simplify its Markdown")
        for heading in page.headings
        if heading.anchor in shown and shown[heading.anchor] != heading.plain
    ]


def shown_citations(html: str) -> list[str]:
    """Citation-shaped bracket groups shown as the page's own text, spaces collapsed (citation links as their text)."""
    html = NOT_TEXT.sub(" ", CITATION_LINK.sub(lambda match: match.group("text"), html))
    found = []
    for block in BLOCK_END.split(html):
        text = unescape(TAG.sub("", block))
        for match in BRACKET.finditer(text):
            content = match.group("ja") if match.group("ja") is not None else match.group("en")
            if not match.group("bang") and looks_like_citation(content):
                found.append(" ".join(match.group(0).split()))
    return found


PLAIN_BRACKET = re.compile(r"(?:\\\[|&#91;|&#x5[bB];|&lsqb;|&lbrack;|&#12304;|&#x3010;)\s*$")
"""How a writer opens brackets that are to be shown as plain text."""


def _written_plain(page: PageScan, group: str) -> tuple[bool, int | None]:
    """Whether every place the group's content is written opens with plain-text brackets; else the line of the first that does not."""
    words = group[1:-1].split()
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    found = False
    for match in pattern.finditer(page.text) if words else ():
        found = True
        if not PLAIN_BRACKET.search(page.text[max(0, match.start() - 12) : match.start()]):
            return False, page.first_line + page.text.count("\n", 0, match.start())
    return found, None


def check_citations_shown(path: str, html: str, page: PageScan) -> list[Problem]:
    """Citation-shaped text on the page that the scanner did not read as a citation."""
    read = Counter(" ".join(text.split()) for text in [*(c.text for c in page.citations), *(r.text for r in page.refusals)])
    problems = []
    for group in shown_citations(html):
        if read[group] > 0:
            read[group] -= 1
            continue
        plain, line = _written_plain(page, group)
        if not plain:
            problems.append(
                Problem(path, line, f"{group} is shown on the page but not read as a citation; write it as a citation of its own, or as {as_plain_text(group)} if it is not one")
            )
    return problems


def check_rendered(path: str, html: str, page: PageScan, linked: Mapping[str, str], whole: bool = True) -> list[Problem]:
    """Every check of a rendered page; ``whole`` is false for a page that also shows other pages (the print edition)."""
    problems = check_ids(path, html, page, linked)
    if whole:
        problems += check_headings(path, html, page) + check_citations_shown(path, html, page)
    return problems
