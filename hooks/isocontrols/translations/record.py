"""The translation record: for each Japanese section, the fingerprint its English twin was last confirmed against.

A CSV file kept in Git next to the pages (``docs/translations.csv``), one section a line in
the order of the pages and of their sections, so that a confirmation reads as a one-line diff::

    section,fingerprint
    operations.md,5f0c8a1e2b3d4c6f
    operations.md#backup,9a41c2e07d5b3f18

It lives in the docs folder so that ``mkdocs serve`` rebuilds when it changes (an accepted
section loses its notice on the next reload); the hook takes it out of the files MkDocs
publishes. It is read strictly, as every data file is (``isocontrols.datafiles``): a row
that is not whole, a malformed name or fingerprint, a section recorded twice, or a
merge-conflict marker is a problem with the file and the line, never a silent skip.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from isocontrols.datafiles import matching, read_csv
from isocontrols.problems import Problem
from isocontrols.translations.sections import FINGERPRINT_LENGTH

RECORD_NAME = "translations.csv"
"""The record's name inside the docs folder."""

COLUMNS = ("section", "fingerprint")

CHECKS = {
    "section": matching(r"[^#\s]+\.md(?:#[^#\s]+)?", "operations.md#backup or operations.md"),
    "fingerprint": matching(f"[0-9a-f]{{{FINGERPRINT_LENGTH}}}", f"{FINGERPRINT_LENGTH} hex digits written by ./run translations accept"),
}


@dataclass(frozen=True)
class Record:
    """What the record holds: a fingerprint and its line by section name, and the problems of its other rows."""

    fingerprints: dict[str, str]
    lines: dict[str, int]
    problems: tuple[Problem, ...]
    exists: bool


def load(path: Path, shown_as: str) -> Record:
    """The record at ``path`` (an empty one when there is no file yet), every row checked."""
    if not path.exists():
        return Record({}, {}, (), exists=False)
    table = read_csv(path, COLUMNS, CHECKS, shown_as=shown_as)
    fingerprints: dict[str, str] = {}
    lines: dict[str, int] = {}
    problems = list(table.problems)
    for row in table.rows:
        name = row["section"]
        if name in lines:
            problems.append(Problem(shown_as, row.line, f"{name} is recorded twice (also on line {lines[name]}); keep one line"))
            continue
        fingerprints[name], lines[name] = row["fingerprint"], row.line
    return Record(fingerprints, lines, tuple(problems), exists=True)


def dumps(entries: Iterable[tuple[str, str]]) -> str:
    """The record's text: the header, then one ``section,fingerprint`` line per entry, in the order given."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(entries)
    return buffer.getvalue()


def write(path: Path, entries: Iterable[tuple[str, str]]) -> None:
    """Write the record (UTF-8, ``\\n`` line ends, whatever the platform)."""
    path.write_text(dumps(entries), encoding="utf-8", newline="")
