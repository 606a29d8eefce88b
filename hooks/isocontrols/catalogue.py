"""The control catalogue: every control a citation may name, with its titles.

The facts live in CSV files under ``data/`` (see ``data/README.md`` for where each
comes from); this module only loads them into small value objects. It knows the
114 ISO/IEC 27001:2013 Annex A controls, their 14 clauses and 35 objectives, the
7 ISO/IEC 27017 cloud controls (CLD) and the ISO/IEC 27001:2022 controls each 2013
control corresponds to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from isocontrols.datafiles import Row, matching, read_csv, required
from isocontrols.problems import Problem

DATA_DIR = Path(__file__).parent / "data"
"""Folder of the catalogue's CSV files."""

PROJECT_ROOT = Path(__file__).resolve().parents[2]
"""The project's folder, from which messages name its files."""

LANGUAGES = ("ja", "en")
"""The site's languages, default first."""

LANGUAGE_NAMES = {"ja": "Japanese", "en": "English"}
"""How messages name each language."""

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
    themes_2022: dict[str, Titled] = field(default_factory=dict)
    """The four themes of ISO/IEC 27001:2022 Annex A (``5`` … ``8``)."""
    problems: tuple[Problem, ...] = ()
    """What is wrong in the data files (rows left out), for the hook to report."""

    def group_of(self, control: Control) -> Titled:
        """The clause a control belongs to."""
        return self.groups[control.group]

    def objective_controls(self, objective_id: str) -> list[Control]:
        """The controls under a clause or objective, in order."""
        prefix = objective_id + "."
        return [c for c in self.controls.values() if c.id.startswith(prefix)]


def shown_path(path: Path) -> str:
    """How messages name a project file: its path from the project's root (``hooks/isocontrols/data/errata.csv``)."""
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


FILES = {
    "annex-a-2013.csv": (
        ("id", "clause", "objective", "title_en", "title_ja", "title_ja_source"),
        {"id": matching(r"A\.\d+\.\d+\.\d+", "A.9.2.3"), "clause": matching(r"A\.\d+", "A.9"),
         "objective": matching(r"A\.\d+\.\d+", "A.9.2"), "title_en": required},
    ),
    "annex-a-2013-groups.csv": (
        ("id", "level", "parent", "title_en", "title_ja", "title_ja_source"),
        {"id": matching(r"A\.\d+(?:\.\d+)?", "A.9 or A.9.2"), "level": matching(r"clause|objective", "clause or objective"),
         "parent": matching(r"(?:A\.\d+)?", "A.9 (empty for a clause)"), "title_en": required},
    ),
    "cld-27017.csv": (
        ("id", "title_en", "title_ja", "title_ja_source"),
        {"id": matching(r"CLD\.\d+\.\d+\.\d+", "CLD.12.4.5"), "title_en": required},
    ),
    "annex-a-2022.csv": (
        ("id", "theme", "title_en"),
        {"id": matching(r"\d+\.\d+", "8.13"), "theme": required, "title_en": required},
    ),
    "annex-a-2022-themes.csv": (
        ("id", "title_en", "title_ja", "title_ja_source"),
        {"id": matching(r"\d+", "8"), "title_en": required},
    ),
    "map-2013-to-2022.csv": (
        ("id_2013", "id_2022"),
        {"id_2013": matching(r"A\.\d+\.\d+\.\d+", "A.12.3.1"), "id_2022": matching(r"\d+\.\d+", "8.13")},
    ),
}  # fmt: skip
"""The catalogue's data files: their columns, in order, and the check of each value that must have a form."""


def _read(name: str, problems: list[Problem]) -> list[Row]:
    """The whole rows of a data file; the problems of the others (and of titles without a source) go to ``problems``."""
    path = DATA_DIR / name
    columns, checks = FILES[name]
    table = read_csv(path, columns, checks, shown_as=shown_path(path))
    problems += table.problems
    rows = []
    for row in table.rows:
        if "title_ja" in row.values and row["title_ja"] and not row["title_ja_source"]:
            problems.append(Problem(shown_path(path), row.line, f"{row['id']}: title_ja needs its source in title_ja_source"))
        else:
            rows.append(row)
    return rows


def _unique(rows: list[Row], name: str, problems: list[Problem]) -> list[Row]:
    """The rows whose ``id`` is new; a problem for each repeat."""
    seen: dict[str, int] = {}
    kept = []
    for row in rows:
        if row["id"] in seen:
            problems.append(Problem(shown_path(DATA_DIR / name), row.line, f"{row['id']} is already on line {seen[row['id']]}"))
        else:
            seen[row["id"]] = row.line
            kept.append(row)
    return kept


@lru_cache(maxsize=1)
def load() -> Catalogue:
    """Load the catalogue from ``data/`` (cached: the files do not change during a build).

    Every file is checked row by row; a row that is broken, repeated or names an unknown
    control is left out and reported in ``Catalogue.problems``.
    """
    problems: list[Problem] = []
    groups = {
        row["id"]: Titled(row["id"], row["title_en"], row["title_ja"])
        for row in _unique(_read("annex-a-2013-groups.csv", problems), "annex-a-2013-groups.csv", problems)
    }
    groups["CLD"] = Titled("CLD", "ISO/IEC 27017 cloud service controls", "ISO/IEC 27017 クラウドサービス拡張管理策")
    controls_2022 = {
        row["id"]: Titled(row["id"], row["title_en"]) for row in _unique(_read("annex-a-2022.csv", problems), "annex-a-2022.csv", problems)
    }
    themes = {
        row["id"]: Titled(row["id"], row["title_en"], row["title_ja"])
        for row in _unique(_read("annex-a-2022-themes.csv", problems), "annex-a-2022-themes.csv", problems)
    }
    annex_a = _unique(_read("annex-a-2013.csv", problems), "annex-a-2013.csv", problems)
    known_2013 = {row["id"] for row in annex_a}
    mapping: dict[str, list[str]] = {}
    for row in _read("map-2013-to-2022.csv", problems):
        unknown = [i for i, known in ((row["id_2013"], known_2013), (row["id_2022"], controls_2022)) if i not in known]
        if unknown:
            problems.append(Problem(shown_path(DATA_DIR / "map-2013-to-2022.csv"), row.line, f"unknown control {unknown[0]}"))
        else:
            mapping.setdefault(row["id_2013"], []).append(row["id_2022"])
    controls = []
    for row in annex_a:
        if row["clause"] not in groups or row["objective"] not in groups or not row["id"].startswith(row["objective"] + "."):
            problems.append(Problem(shown_path(DATA_DIR / "annex-a-2013.csv"), row.line, f"{row['id']}: clause or objective unknown or not its own"))
            continue
        controls.append(
            Control(
                id=row["id"],
                title_en=row["title_en"],
                title_ja=row["title_ja"],
                group=row["clause"],
                objective=row["objective"],
                ids_2022=tuple(mapping.get(row["id"], ())),
            )
        )
    controls += [
        Control(id=row["id"], title_en=row["title_en"], title_ja=row["title_ja"], group="CLD")
        for row in _unique(_read("cld-27017.csv", problems), "cld-27017.csv", problems)
    ]
    return Catalogue(
        controls={c.id: c for c in sorted(controls, key=lambda c: sort_key(c.id))},
        groups=groups,
        controls_2022=controls_2022,
        themes_2022=themes,
        problems=tuple(problems),
    )
