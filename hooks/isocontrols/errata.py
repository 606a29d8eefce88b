"""The corrections made to the source white paper, published as errata.

Each correction is a row of ``data/errata.csv``: the section, where it is on the site,
the text as the source has it, the corrected text and the reason in both languages.
The revision history renders them; the tests apply them to the source before checking
that every sentence of the source is on the site.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from isocontrols.catalogue import DATA_DIR


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


@lru_cache(maxsize=1)
def load() -> tuple[Erratum, ...]:
    """Every correction, in the order of the white paper."""
    with (DATA_DIR / "errata.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(Erratum(**row) for row in csv.DictReader(handle))


def apply(text: str, errata: tuple[Erratum, ...]) -> str:
    """The text with every correction made (each original replaced wherever it occurs)."""
    for erratum in errata:
        text = text.replace(erratum.original, erratum.corrected)
    return text
