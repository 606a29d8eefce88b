"""The whole white paper on one page, for print and PDF: cover notes, contents, chapters, appendices.

The print page of each language (``print.md``) holds a marker that becomes, in order, a
list of contents, every chapter in navigation order, and the appendices (the control index, the revision history). A chapter is a page whose
title carries a section number (``# 5. 運用``). Each page becomes a *part*::

    # 5. 運用                       →  ## 5. 運用 {#operations .print-part}
    ## 5.3. バックアップ {#backup}   →  ### 5.3. バックアップ {#operations--backup}
    [バックアップ](operations.md#backup)   →  [バックアップ](#operations--backup)
    <a class="citation" href="…">A.12.3.1</a>  →  href="#controls--a-12-3-1" (see ``linker``)

Headings move one level down under the cover's title; every id is prefixed with its
page, so ids stay unique however the pages name their sections, and links between
pages of the edition become links inside the print page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from isocontrols.citations import Heading, PageScan, scan, splice
from isocontrols.escaping import html_attribute, html_text, markdown_text
from isocontrols.plaintext import plain_text
from isocontrols.urls import Linker, relative_href

PRINT_MARKER = "<!-- print-edition -->"
"""Where the print page receives the whole white paper."""

NOTE_MARKER = "<!-- print-edition-note -->"
"""Where the print page's cover names the web edition and its date."""

APPENDICES = ("controls.md", "history.md")
"""Pages printed after the chapters, in this order, when the navigation holds them."""

INLINE_LINK = re.compile(r'(?<!\\)\]\((?P<target>[^()\s]+)(?P<rest>(?:\s+"(?:[^"\\]|\\.)*")?\s*)\)')
"""The target of an inline link or image: ``](operations.md#backup "title")``."""

LINK_DEFINITION = re.compile(r"^(?P<lead> {0,3}\[[^\]\n]+\]:[ \t]*)(?P<target>\S+)", re.MULTILINE)
"""The target of a reference definition: ``[backup]: operations.md#backup``."""

WORDS = {
    "ja": {
        "contents": "目次",
        "appendix": "付録 {letter}",
        "edition": "ウェブ版（{date}更新）：{url}",
        "edition_undated": "ウェブ版：{url}",
    },
    "en": {
        "contents": "Contents",
        "appendix": "Appendix {letter}",
        "edition": "Web edition of {date}: {url}",
        "edition_undated": "Web edition: {url}",
    },
}
"""The few words the print edition adds, per language."""


@dataclass(frozen=True)
class Part:
    """One page of the edition: its path, its title and the label printed before it (``付録 A``)."""

    page: str
    title: str
    label: str = ""


def page_anchor(page: str) -> str:
    """The id of a page's part: ``operations.md`` → ``operations`` (anything but ``A-Za-z0-9_-`` becomes ``-``)."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", posixpath.splitext(page)[0])


def part_anchor(page: str, anchor: str) -> str:
    """The id of a section inside its page's part: ``operations--backup``."""
    return f"{page_anchor(page)}--{anchor}"


def contents(nav_order: Sequence[str], scans: Mapping[str, PageScan], language: str) -> list[Part]:
    """The parts of the edition: numbered chapters in navigation order, then the appendices."""
    parts = []
    for page in nav_order:
        title = scans[page].title if page in scans else None
        if title is not None and title.number is not None:
            parts.append(Part(page, title.text))
    appendices = [page for page in APPENDICES if page in nav_order and page in scans]
    for letter, page in zip("ABCDEFGH", appendices):
        title = scans[page].title
        parts.append(Part(page, title.text if title else page, WORDS[language]["appendix"].format(letter=letter)))
    return parts


def _link_target(target: str, page: str, included: Collection[str], print_page: str) -> str:
    """Where a link of ``page`` points from the print page."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", target):
        return target
    path, hash_sign, anchor = target.partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if resolved in included:
        return f"#{part_anchor(resolved, anchor)}" if hash_sign and anchor else f"#{page_anchor(resolved)}"
    relative = posixpath.relpath(resolved, posixpath.dirname(print_page) or ".")
    return relative + (f"#{anchor}" if hash_sign else "")


def linker(page: str, included: Collection[str], print_page: str) -> Linker:
    """Where the generated links of a part point: inside the print page when their page is in it."""

    def link(target: str) -> str:
        path = target.partition("#")[0]
        if posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) in included:
            return _link_target(target, page, included, print_page)
        return relative_href(print_page, target)

    return link


def _retarget(text: str, new_target: Callable[[str], str]) -> str:
    """A stretch of Markdown without code, the target of each inline link and reference definition replaced."""

    def inline(match: re.Match[str]) -> str:
        return f"]({new_target(match.group('target'))}{match.group('rest')})"

    def definition(match: re.Match[str]) -> str:
        return match.group("lead") + new_target(match.group("target"))

    return LINK_DEFINITION.sub(definition, INLINE_LINK.sub(inline, text))


def rewrite_links(text: str, new_target: Callable[[str], str]) -> str:
    """Markdown with the target of every inline link and reference definition replaced, code left as it is."""
    code = [(start, end, text[start:end]) for start, end in scan(text).ignored]
    return splice(text, code, lambda prose: _retarget(prose, new_target))


def _shifted(heading: Heading, page: str, label: str) -> str:
    """A heading one level down, as an ATX line, with its id made local; the page's title becomes the part's heading."""
    text = heading.text
    others = " ".join(attr for attr in heading.attrs.split() if not attr.startswith("#"))
    if heading.level == 1:
        attrs = f"#{page_anchor(page)} .print-part {others}"
        text = f"{markdown_text(label)} {text}" if label else text
    else:
        attrs = f"#{part_anchor(page, heading.anchor)} {others}" if heading.anchor else others
    suffix = f" {{{attrs.strip()}}}" if attrs.strip() else ""
    return f"{'#' * min(heading.level + 1, 6)} {text}{suffix}"


def as_part(markdown: str, part: Part, included: Collection[str], print_page: str) -> str:
    """One page's Markdown as a part of the print page: headings down a level, ids and links made local.

    The headings are those the scanner reads (``citations.scan``), setext ones included, so
    the part has the same sections as the page; code is left as it is.
    """
    page_scan = scan(markdown)
    to_print_page = lambda target: _link_target(target, part.page, included, print_page)  # noqa: E731
    edits = [(h.start, h.end, rewrite_links(_shifted(h, part.page, part.label), to_print_page)) for h in page_scan.headings]
    edits += [(start, end, markdown[start:end]) for start, end in page_scan.ignored]
    return splice(markdown, edits, lambda prose: _retarget(prose, to_print_page)).strip("\n")


def contents_list(parts: Sequence[Part], language: str) -> str:
    """The list of contents: one link per part, named by the text its title shows."""
    lines = [f"## {WORDS[language]['contents']} {{#contents}}", ""]
    for part in parts:
        name = markdown_text(f"{part.label} {plain_text(part.title)}".strip())
        lines.append(f"- [{name}](#{page_anchor(part.page)})")
    return "\n".join(lines)


def edition_note(url: str, date_text: str | None, language: str) -> str:
    """The cover's line naming the web edition this copy was printed from, and its date."""
    words = WORDS[language]
    link = f'<a href="{html_attribute(url)}">{html_text(url)}</a>'
    text = words["edition"] if date_text else words["edition_undated"]
    before, _, after = text.partition("{url}")
    line = html_text(before.format(date=date_text)) + link + html_text(after)
    return f'<p class="print-edition-note">{line}</p>'


def assemble(parts: Sequence[Part], bodies: Sequence[str], language: str) -> str:
    """The Markdown that replaces the print page's marker: contents, then every part."""
    return "\n\n".join([contents_list(parts, language), *bodies]) + "\n"
