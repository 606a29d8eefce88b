"""Passages the web edition adds to the white paper: found, checked, and listed in the revision history.

The Japanese text of version 1.0 is authoritative, so anything the web edition adds sits in
a marked block, a Material admonition of its own type, in both languages::

    !!! web-edition "ウェブ版での補足"

        ISO/IEC 27017（JIS Q 27017）は、…の実践の規範です。…

    !!! web-edition "Added in the web edition"

        ISO/IEC 27017 (JIS Q 27017 in Japan) is a code of practice …

The revision history holds a marker line (``<!-- web-edition-additions -->``) that becomes
the list of every block of the other pages, each linked to its section and summed up by its
first sentence, so the list is made from the very blocks and cannot fall out of step::

    <ul class="web-edition-additions"><li><a href="../introduction/#purpose">1.1. White Paper の目的</a>：ISO/IEC 27017（JIS Q 27017）は、…</li></ul>

A block needs a section with an explicit anchor (the list links to it), the title of its
language (readers recognise the box by it), a first sentence that says what it adds, and
a twin in the same section of the other language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from isocontrols import escaping
from isocontrols.catalogue import LANGUAGES
from isocontrols.citations import Heading, PageScan
from isocontrols.plaintext import blocks, first_sentence
from isocontrols.problems import Problem
from isocontrols.urls import Linker
from isocontrols.wording.prose import without_code

MARKER = "<!-- web-edition-additions -->"
"""Where the revision history lists the additions."""

KIND = "web-edition"
"""The admonition type that marks an addition (styled in ``overrides/assets/stylesheets/web-edition.css``)."""

TITLES = {"ja": "ウェブ版での補足", "en": "Added in the web edition"}
"""The title every addition carries, per language."""

WORDS = {
    "ja": {"separator": "：", "none": "ウェブ版での補足はありません。"},
    "en": {"separator": ": ", "none": "The web edition adds nothing to the text."},
}
"""The few words of the list, per language."""

BLOCK_START = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kinds>[^\"\n]*?)[ \t]*(?:\"(?P<title>[^\"\n]*)\")?[ \t]*$")
"""The first line of an admonition (``!!!``) or a collapsible block (``???``, ``???+``): its classes and title."""

@dataclass(frozen=True)
class Addition:
    """One block the web edition adds: where it is, the section it is in, its title and first sentence."""

    page: str
    line: int
    section: Heading | None
    title: str | None
    summary: str
    section_title: str
    """The section's heading as the list shows it: number and title, without citations (``2.4. 責任範囲（共有 Model）``)."""


def _body(lines: list[str], start: int, indent: str) -> list[str]:
    """The lines of the block opened at ``lines[start]``, dedented: blank, or indented deeper than its opener."""
    body = []
    for line in lines[start + 1 :]:
        if line.strip() and not (line.startswith(indent) and line[len(indent) :][:1] in (" ", "\t")):
            break
        body.append(line[len(indent) :].strip())
    return body


def summary(body: list[str]) -> str:
    """The first sentence of the block's first paragraph, as plain text; empty when it opens with no sentence."""
    opening = blocks(body)[:1]
    return first_sentence(opening[0][1]) if opening and opening[0][0] else ""


def _section_title(heading: Heading | None, page_scan: PageScan) -> str:
    """``2.4. 責任範囲（共有 Model）``: the heading as shown, without its citations, its number kept."""
    if heading is None:
        return ""
    title = heading.title_without([citation for citation in page_scan.citations_of(heading) if citation.in_heading])
    return f"{heading.number}. {title}" if heading.number else title


def find(page: str, page_scan: PageScan) -> list[Addition]:
    """Every web-edition block of a page (as ``citations.scan`` read it), outside code and comments, in order."""
    markdown = page_scan.text
    lines = markdown.split("\n")
    prose = without_code(markdown).split("\n")  # a block opened inside code or a comment is only text
    found = []
    for index, line in enumerate(lines):
        match = BLOCK_START.match(line)
        if not match or not BLOCK_START.match(prose[index]) or KIND not in match.group("kinds").split():
            continue
        number = page_scan.first_line + index
        section = next((heading for heading in reversed(page_scan.headings) if heading.line <= number), None)
        body = _body(lines, index, match.group("indent"))
        found.append(Addition(page, number, section, match.group("title"), summary(body), _section_title(section, page_scan)))
    return found


def problems(pages: Mapping[str, Mapping[str, PageScan]], docs_prefix: str) -> list[Problem]:
    """What a writer must fix in the additions of every page of both languages (``pages[language][page]``)."""
    found: list[Problem] = []
    anchors: dict[str, dict[str, Counter[str]]] = {}
    for language, scans in pages.items():
        for page, page_scan in scans.items():
            additions = find(page, page_scan)
            file = f"{docs_prefix}{language}/{page}"
            found += [Problem(file, addition.line, message) for addition in additions for message in _marking_problems(addition, language)]
            anchors.setdefault(page, {})[language] = Counter(a.section.anchor for a in additions if a.section and a.section.anchor)
    for page, by_language in anchors.items():
        found += _twin_problems(page, by_language, pages, docs_prefix)
    return found


def _marking_problems(addition: Addition, language: str) -> list[str]:
    """How one block is marked wrongly: anchor, title, first sentence."""
    messages = []
    if addition.section is None or addition.section.anchor is None:
        where = f"section '{addition.section.text}'" if addition.section else "the top of the page"
        messages.append(f"{KIND} block in {where}, which has no explicit anchor; add one to the heading, such as {{#backup}}, so the revision history can link to it")
    title = TITLES.get(language)
    if title and addition.title != title:
        messages.append(f'{KIND} block titled {addition.title!r}; write !!! {KIND} "{title}", the title readers know these boxes by')
    if not addition.summary:
        messages.append(f"{KIND} block opens with no sentence; begin it with a sentence that says what the web edition adds here (the revision history lists it by that sentence)")
    return messages


def _twin_problems(page: str, by_language: Mapping[str, Counter[str]], pages: Mapping[str, Mapping[str, PageScan]], docs_prefix: str) -> list[Problem]:
    """A section whose additions are not in both languages, reported against the language that lacks them."""
    found = []
    for language, other in ((LANGUAGES[0], LANGUAGES[1]), (LANGUAGES[1], LANGUAGES[0])):
        if page not in pages.get(language, {}) or page not in pages.get(other, {}):
            continue
        here, there = by_language.get(language, Counter()), by_language.get(other, Counter())
        for anchor in sorted(there):
            if here[anchor] < there[anchor]:
                heading = pages[language][page].heading(anchor)
                found.append(
                    Problem(
                        f"{docs_prefix}{language}/{page}",
                        heading.line if heading else None,
                        f"section #{anchor} has {here[anchor]} {KIND} block(s) here but {there[anchor]} in {docs_prefix}{other}/{page}; "
                        "translate each addition into both languages",
                    )
                )
    return found


def render(additions: list[Addition], language: str, link: Linker) -> str:
    """The list of additions as one line of HTML: each section linked, then the addition's first sentence."""
    words = WORDS[language]
    if not additions:
        return f'<p class="web-edition-additions">{escaping.html_text(words["none"])}</p>'
    items = []
    for addition in additions:
        anchor = addition.section.anchor if addition.section else None
        href = escaping.html_attribute(link(f"{addition.page}#{escaping.url_fragment(anchor or '')}"))
        section = escaping.html_text(addition.section_title or addition.page)
        items.append(f'<li><a href="{href}">{section}</a>{escaping.html_text(words["separator"] + addition.summary)}</li>')
    return f'<ul class="web-edition-additions">{"".join(items)}</ul>'
