"""Everything the site knows once both editions are read: the index, the problems, the additions, the errata.

It is made once per corpus (both language builds read the same files, so the second reuses
the first's) and is all the pages then need: the control index (``index``), what a writer
must fix (``validation``, the errata rows against the pages, the web-edition additions), each
language's additions, and the errata that are published. A correction whose row is refused
(its page, anchor or text no longer match) is left out of the revision history, so the
history never links a section that is not there; the problem says why.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from isocontrols import index, rendering, validation
from isocontrols.catalogue import Catalogue
from isocontrols.errata import Errata, Erratum
from isocontrols.problems import Problem
from isocontrols.urls import Linker
from isocontrols.wording import additions


@dataclass(frozen=True)
class Analysis:
    """The index, problems, additions and published errata of one corpus (language → page → scan)."""

    docs_prefix: str
    catalogue: Catalogue
    errata: Errata
    """The errata file as read (before the rows are checked against the pages)."""
    corpus: index.Corpus
    problems: tuple[Problem, ...]
    entries: dict[str, index.Entry]
    additions: Mapping[str, Sequence[additions.Addition]]
    """Each language's web-edition additions, in the corpus's page order."""
    corrections: tuple[Erratum, ...]
    """The errata that are published: the rows that passed their checks."""

    def is_for(self, corpus: index.Corpus, docs_prefix: str, data: Catalogue, errata: Errata) -> bool:
        """Whether it was made from the same pages, folder and data (compared by content).

        Cheap when nothing changed: scans are cached by text, so the second build's scans
        are the first's objects, and equality tests identity first.
        """
        return (self.docs_prefix, self.catalogue, self.errata, self.corpus) == (docs_prefix, data, errata, corpus)

    def generated_lists(self, language: str, nav_order: Sequence[str], link: Linker, wanted: Collection[str]) -> dict[str, str]:
        """What the marker lines the hook fills receive on a page linking with ``link``, for those of ``wanted``
        (the page's marker lines: most pages hold none): the errata table and the list of web-edition
        additions (in navigation order, less those of the pages that hold the list, whose box explains
        the additions and adds nothing to the paper)."""
        filled = {}
        if additions.MARKER in wanted:
            order = {page: number for number, page in enumerate(nav_order)}
            listing = {page for page, scan in self.corpus.get(language, {}).items() if scan.marker_lines(additions.MARKER)}
            listed = sorted((a for a in self.additions.get(language, ()) if a.page not in listing), key=lambda a: order.get(a.page, len(order)))
            filled[additions.MARKER] = additions.render(listed, language, link)
        if rendering.ERRATA_MARKER in wanted:
            filled[rendering.ERRATA_MARKER] = rendering.render_errata(self.corrections, language, link)
        return filled


def published(corpus: index.Corpus, errata: Errata) -> Errata:
    """The errata, when a page of the site publishes them (``<!-- errata -->``); none otherwise, so a site
    without a revision history (a test's fixture site) neither checks nor links them."""
    for pages in corpus.values():
        if any(scan.marker_lines(rendering.ERRATA_MARKER) for scan in pages.values()):
            return errata
    return Errata((), (), errata.file)


def analyse(corpus: index.Corpus, docs_prefix: str, data: Catalogue, errata: Errata, markers: Collection[str]) -> Analysis:
    """Check and index ``corpus`` with the catalogue and the published errata; ``markers`` are the generated parts' lines."""
    errata_problems = validation.check_errata(errata, corpus, docs_prefix)
    refused = {problem.line for problem in errata_problems if problem.file == errata.file}
    problems = [*data.problems, *errata_problems, *validation.check(corpus, data, docs_prefix, markers), *additions.problems(corpus, docs_prefix)]
    found = {language: [a for page, scan in pages.items() for a in additions.find(page, scan)] for language, pages in corpus.items()}
    corrections = tuple(erratum for erratum in errata.rows if erratum.line not in refused)
    return Analysis(docs_prefix, data, errata, corpus, tuple(problems), index.build(corpus, data), found, corrections)
