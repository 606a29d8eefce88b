"""The way on when search finds no answer in the white paper.

A search that finds nothing, or nothing but pages *about* the white paper (the control
index, the 2022 crosswalk, the coverage grid, the exports, the help, the revision
history), does not answer the reader's question. The search panel then says, in the
page's language, that the white paper does not address it, and offers two ways on: the
contact section (chapter 7, ``contact.md``) and the answers by control number
(``answers.md``), each linked when the site has that page (a small fixture site may have
neither; the real site's tests check that both links are there)
(``overrides/partials/isosearch-no-answer.html`` and ``isosearch/no-answer.js``).

Which pages are about the paper is a list in ``mkdocs.yml``
(``extra.search_reference_pages``). A page missing from it counts as part of the paper:
the panel may then stay away when it should show, which is the lesser harm than telling
a reader that the paper is silent about something it answers.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from isocontrols.problems import Problem
from isocontrols.urls import site_path

CONTACT_PAGE = "contact.md"
"""Chapter 7, where a reader can ask what the paper does not say."""

ANSWERS_PAGE = "answers.md"
"""The answers by control number, for readers with a checklist; linked when the site has it."""

SETTING = "extra.search_reference_pages"
"""Where ``mkdocs.yml`` lists the pages about the white paper."""


@dataclass(frozen=True)
class WaysOn:
    """What the no-answer panel of a language's pages needs: site paths (``en/contact/``)."""

    reference: tuple[str, ...]
    """Pages about the paper: results only there are no answer."""
    contact: str | None
    answers: str | None


def reference_pages(setting: object) -> tuple[tuple[str, ...], list[Problem]]:
    """The pages listed in ``extra.search_reference_pages`` (``controls.md``), or a problem if it is not a list of page names."""
    if setting is None:
        return (), []
    if not isinstance(setting, list) or not all(isinstance(page, str) and page.endswith(".md") for page in setting):
        return (), [Problem("mkdocs.yml", None, f"{SETTING} must be a list of page names such as controls.md")]
    return tuple(setting), []


def check(pages: Collection[str], reference: Sequence[str], language: str, docs_prefix: str) -> list[Problem]:
    """A listed page that a language does not have (a typo, or a page renamed)."""
    return [
        Problem("mkdocs.yml", None, f"{SETTING} lists {page}, which {docs_prefix}{language}/ does not have; remove it or add the page")
        for page in reference
        if page not in pages
    ]


def ways_on(pages: Collection[str], reference: Sequence[str], language: str) -> WaysOn:
    """The panel's data for a language whose pages are ``pages`` (``operations.md``)."""

    def where(page: str) -> str | None:
        return site_path(page, language) if page in pages else None

    return WaysOn(
        reference=tuple(site_path(page, language) for page in reference if page in pages),
        contact=where(CONTACT_PAGE),
        answers=where(ANSWERS_PAGE),
    )


def of_the_paper(location: str, ways: WaysOn) -> bool:
    """Whether a search entry (``controls/#a-9-2-3``) is part of the paper rather than a page about it."""
    return location.partition("#")[0] not in ways.reference
