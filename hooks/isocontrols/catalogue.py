"""The control catalogue: every control a citation may name, with its titles.

The facts live in CSV files under ``data/`` (see ``data/README.md`` for where each
comes from); this module only loads them into small value objects. It knows the
114 ISO/IEC 27001:2013 Annex A controls, their 14 clauses and 35 objectives, the
7 ISO/IEC 27017 cloud controls (CLD) and the ISO/IEC 27001:2022 controls each 2013
control corresponds to.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
"""Folder of the catalogue's CSV files."""

LANGUAGES = ("ja", "en")
"""The site's languages, default first."""

_NUMBER_PARTS = re.compile(r"\d+")
"""The numeric parts of an identifier, used to sort A.9.2.10 after A.9.2.3."""


def sort_key(control_id: str) -> tuple[int, tuple[int, ...]]:
    """Order identifiers as the standards do: Annex A before CLD, then numerically."""
    family = 1 if control_id.startswith("CLD.") else 0
    return family, tuple(int(part) for part in _NUMBER_PARTS.findall(control_id))


@dataclass(frozen=True)
class Titled:
    """Something with an identifier and a title in each language."""

    id: str
    title_en: str
    title_ja: str = ""

    def title(self, language: str) -> str:
        """The title in ``language``; English where no Japanese title is recorded."""
        return self.title_ja if language == "ja" and self.title_ja else self.title_en

    def has_title(self, language: str) -> bool:
        """Whether a title is recorded in ``language`` (English always is)."""
        return language != "ja" or bool(self.title_ja)


@dataclass(frozen=True)
class Control(Titled):
    """One citable control: ``A.9.2.3`` (ISO/IEC 27001:2013) or ``CLD.12.4.5`` (ISO/IEC 27017)."""

    group: str = ""
    """The clause that holds it (``A.9``); ``CLD`` for the cloud controls."""
    objective: str = ""
    """Its control objective (``A.9.2``); empty for CLD controls."""
    ids_2022: tuple[str, ...] = ()
    """The ISO/IEC 27001:2022 controls it corresponds to (empty for CLD controls)."""

    @property
    def anchor(self) -> str:
        """The control's anchor on the index page: ``A.9.2.3`` → ``a-9-2-3``."""
        return anchor_for(self.id)


def anchor_for(control_id: str) -> str:
    """The URL fragment of an identifier: lower case, dots as hyphens."""
    return control_id.lower().replace(".", "-")


@dataclass(frozen=True)
class Catalogue:
    """All controls, clauses, objectives and 2022 controls, by identifier."""

    controls: dict[str, Control]
    groups: dict[str, Titled]
    """Clauses (``A.9``) and objectives (``A.9.2``) of Annex A, plus ``CLD``."""
    controls_2022: dict[str, Titled] = field(default_factory=dict)

    def group_of(self, control: Control) -> Titled:
        """The clause a control belongs to."""
        return self.groups[control.group]

    def objective_controls(self, objective_id: str) -> list[Control]:
        """The controls under a clause or objective, in order."""
        prefix = objective_id + "."
        return [c for c in self.controls.values() if c.id.startswith(prefix)]


def _read(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def load() -> Catalogue:
    """Load the catalogue from ``data/`` (cached: the files do not change during a run)."""
    mapping: dict[str, list[str]] = {}
    for row in _read("map-2013-to-2022.csv"):
        mapping.setdefault(row["id_2013"], []).append(row["id_2022"])
    controls = [
        Control(
            id=row["id"],
            title_en=row["title_en"],
            title_ja=row["title_ja"],
            group=row["clause"],
            objective=row["objective"],
            ids_2022=tuple(mapping.get(row["id"], ())),
        )
        for row in _read("annex-a-2013.csv")
    ]
    controls += [
        Control(id=row["id"], title_en=row["title_en"], title_ja=row["title_ja"], group="CLD")
        for row in _read("cld-27017.csv")
    ]
    groups = {
        row["id"]: Titled(row["id"], row["title_en"], row["title_ja"])
        for row in _read("annex-a-2013-groups.csv")
    }
    groups["CLD"] = Titled("CLD", "ISO/IEC 27017 cloud service controls", "ISO/IEC 27017 クラウドサービス拡張管理策")
    controls_2022 = {row["id"]: Titled(row["id"], row["title_en"]) for row in _read("annex-a-2022.csv")}
    return Catalogue(
        controls={c.id: c for c in sorted(controls, key=lambda c: sort_key(c.id))},
        groups=groups,
        controls_2022=controls_2022,
    )
