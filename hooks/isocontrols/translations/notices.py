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

from isocontrols.citations import scan
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


def with_notices(markdown: str, sections: Sequence[Section], from_page: str, hold: Callable[[str], str]) -> str:
    """An English page's Markdown with a notice under the heading of each of ``sections`` (its Japanese twins).

    ``from_page`` is the page the Markdown is published on (the chapter itself, or the print
    edition); ``hold`` turns the notice's HTML into what stands for it in the Markdown. A
    section whose anchor the English page lacks gets no notice (the editions' check reports it);
    the opening's notice goes under the page title, or at the top when the page has none.
    """
    if not sections:
        return markdown
    lines = markdown.split("\n")
    headings = scan(markdown).headings
    first_anchored = next((heading.line for heading in headings if heading.anchor), len(lines) + 1)
    title = next((heading.line for heading in headings if heading.level == 1 and heading.line < first_anchored), 0)
    after_line = {heading.anchor: heading.line for heading in reversed(headings) if heading.anchor}
    insertions = []
    for section in sections:
        line = after_line.get(section.anchor) if section.anchor else title
        if line is not None:
            insertions.append((line, hold(notice_html(section, japanese_href(from_page, section)))))
    for line, notice in sorted(insertions, reverse=True):
        lines[line:line] = ["", notice, ""]
    return "\n".join(lines)
