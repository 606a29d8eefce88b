"""The corrections made to the source white paper, published as errata.

Each correction is a row of ``data/errata.csv``: the section, where it is on the site,
the text as the source has it, the corrected text and the reason in both languages.
The revision history renders them; the tests apply them to the source before checking
that every sentence of the source is on the site. The file is read defensively
(``datafiles``): a broken row is a problem named by file and line, never a traceback, and
``validation.check_errata`` checks each row against the pages (the section exists in both
languages, the corrected text is on the Japanese page).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from isocontrols.catalogue import DATA_DIR, shown_path
from isocontrols.datafiles import matching, read_csv, required
from isocontrols.problems import Problem

FILE = DATA_DIR / "errata.csv"
COLUMNS = ("section", "page", "anchor", "original", "corrected", "reason_ja", "reason_en")
CHECKS = {
    "section": matching(r"\d+(?:\.\d+)*", "5.6"),
    "page": matching(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*\.md", "operations.md"),
    "anchor": matching(r"[A-Za-z][A-Za-z0-9_-]*", "backup"),
    "original": required,
    "corrected": required,
    "reason_ja": required,
    "reason_en": required,
}


@dataclass(frozen=True)
class Erratum:
    """One correction: ``original`` in the source became ``corrected`` on the site."""

    section: str
    page: str
    anchor: str
    original: str
    corrected: str
    reason_ja: str
    reason_en: str
    line: int = 0
    """The line of ``errata.csv`` it was read from (for messages)."""

    def reason(self, language: str) -> str:
        """Why the text was corrected, in ``language``."""
        return self.reason_ja if language == "ja" else self.reason_en


@dataclass(frozen=True)
class Errata:
    """The corrections that are whole, in the order of the white paper, and the problems of the file."""

    rows: tuple[Erratum, ...]
    problems: tuple[Problem, ...]
    file: str = ""
    """How messages name the file the rows come from."""


@lru_cache(maxsize=1)
def load() -> Errata:
    """Every whole correction of ``data/errata.csv``, and a problem for each broken row."""
    table = read_csv(FILE, COLUMNS, CHECKS, shown_as=shown_path(FILE))
    return Errata(tuple(Erratum(**row.values, line=row.line) for row in table.rows), table.problems, shown_path(FILE))


def apply(text: str, errata: tuple[Erratum, ...]) -> str:
    """The text with every correction made (each original replaced wherever it occurs)."""
    for erratum in errata:
        text = text.replace(erratum.original, erratum.corrected)
    return text
