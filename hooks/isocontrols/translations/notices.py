"""The notice an English page shows right under a section whose Japanese original changed.

Only English pages carry it, and only under the sections that are possibly out of date: it
speaks of the English text to the reader of the English text, so it exists in English only.
It is a Material admonition (``admonition info``: the look readers know from the site, styled
by Material's own CSS, on screen and in print), a ``role="note"`` whose title says in words
what it is (not colour alone), left out of search (``data-search-exclude``: every out-of-date
section would otherwise match "updated"), with a relative link to the Japanese section that
works wherever the site is served (``../../operations/#backup``). The link says
``target="_self"`` (the browser's default) because Material's script otherwise takes a click on
any link into the page's other-language twin for its language switcher, looks the page up in
the sitemap and drops the ``#anchor``; it leaves links that name a target alone::

    ## 5.3. Backup [A.12.3.1] {#backup}
    <div class="admonition info translation-notice" role="note" data-search-exclude>
      <p class="admonition-title">This translation may be out of date</p>
      <p>The Japanese original of this section was updated, and this English text may not reflect
      the change yet. <a href="../../operations/#backup" hreflang="ja" target="_self">Read the
      Japanese original</a></p>
    </div>

The print edition shows the same notice under the same section (its link goes to the Japanese
web page, whose address the print style writes out).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence

from isocontrols.citations import PageScan
from isocontrols.escaping import html_attribute, html_text, url_fragment
from isocontrols.translations.sections import Section
from isocontrols.translations.status import ORIGINAL, TRANSLATION
from isocontrols.urls import site_path

TITLE = "This translation may be out of date"
BODY = {
    "section": "The Japanese original of this section was updated, and this English text may not reflect the change yet.",
    "opening": "The Japanese original of this page’s introduction was updated, and this English text may not reflect the change yet.",
}
LINK = "Read the Japanese original"


def japanese_href(from_page: str, section: Section) -> str:
    """The relative URL from the English page ``from_page`` to ``section`` of the Japanese edition."""
    source = site_path(from_page, TRANSLATION).rstrip("/") or "."
    target = site_path(section.page, ORIGINAL) or "."
    relative = posixpath.relpath(target, source)
    url = "./" if relative == "." else relative + "/"
    return url + (f"#{url_fragment(section.anchor)}" if section.anchor else "")


def notice_html(section: Section, href: str) -> str:
    """The notice for ``section``, one line of HTML."""
    body = BODY["section" if section.anchor else "opening"]
    return (
        '<div class="admonition info translation-notice" role="note" data-search-exclude>'
        f'<p class="admonition-title">{html_text(TITLE)}</p>'
        f'<p>{html_text(body)} <a href="{html_attribute(href)}" hreflang="{ORIGINAL}" target="_self">{html_text(LINK)}</a></p>'
        "</div>"
    )


def notice_edits(page: PageScan, sections: Sequence[Section], from_page: str, hold: Callable[[str], str]) -> list[tuple[int, int, str]]:
    """Where an English page (as ``citations.scan`` read it) gets a notice under the heading of each of ``sections``.

    Each is an insertion right after the heading's last line (setext headings included), as
    ``generate.page_markdown`` takes them. ``from_page`` is the page the Markdown is published
    on (the chapter itself, or the print edition); ``hold`` turns the notice's HTML into what
    stands for it in the Markdown. A section whose anchor the English page lacks gets no notice
    (the editions' check reports it); the opening's notice goes under the page title, or at the
    top when the page has none.
    """
    first_anchored = next((heading.start for heading in page.headings if heading.anchor), len(page.text) + 1)
    title = next((heading for heading in page.headings if heading.level == 1 and heading.start < first_anchored), None)
    by_anchor = {heading.anchor: heading for heading in reversed(page.headings) if heading.anchor}
    edits = []
    for section in sections:
        notice = hold(notice_html(section, japanese_href(from_page, section)))
        heading = by_anchor.get(section.anchor) if section.anchor else title
        if heading is not None:
            edits.append((heading.end, heading.end, f"\n\n{notice}\n"))
        elif section.anchor is None:
            edits.append((0, 0, f"{notice}\n\n"))
    return edits
