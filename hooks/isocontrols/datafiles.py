"""Read a project data file (CSV) defensively: every row checked, every problem named by file and row.

Data files are edited by hand, so a short row, an unquoted comma, a missing value or a
malformed identifier must never end in a traceback or be used half-read: ``read_csv``
returns the rows that are whole and one ``Problem`` (file, line, what to write instead)
for each row that is not, and the caller reports them like any citation problem::

    hooks/isocontrols/data/errata.csv:4: row has 8 values, expected 7 (section, page, anchor, …); quote values that hold a comma
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from isocontrols.problems import Problem

Check = Callable[[str], str | None]
"""Checks one value: ``None`` when it is right, else what is wrong with it (``"must be a page name such as operations.md"``)."""


@dataclass(frozen=True)
class Row:
    """One whole row of a data file: its values by column and the line it starts on (for messages)."""

    values: dict[str, str]
    line: int

    def __getitem__(self, column: str) -> str:
        return self.values[column]


@dataclass(frozen=True)
class Table:
    """The whole rows of a data file and the problems of the others."""

    rows: tuple[Row, ...]
    problems: tuple[Problem, ...]


def required(value: str) -> str | None:
    """A value that may not be empty."""
    return None if value.strip() else "is empty"


def matching(pattern: str, example: str) -> Check:
    """A value that matches ``pattern`` entirely (``example`` goes into the message)."""
    compiled = re.compile(pattern)
    return lambda value: None if compiled.fullmatch(value) else f"'{value}' is not of the form {example}"


def read_csv(path: Path, columns: Sequence[str], checks: Mapping[str, Check] | None = None, shown_as: str | None = None) -> Table:
    """The rows of ``path`` with exactly ``columns`` (in that order), each value passing its check.

    ``shown_as`` is how messages name the file (``hooks/isocontrols/data/errata.csv``);
    by default its path as given.
    """
    name = shown_as or str(path)
    checks = checks or {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        return Table((), (Problem(name, None, f"cannot be read: {error}"),))
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = next(reader, [])
    except csv.Error as error:
        return Table((), (Problem(name, 1, f"malformed header: {error}"),))
    if list(header) != list(columns):
        expected = ",".join(columns)
        return Table((), (Problem(name, 1, f"the header must be exactly {expected}"),))
    rows, problems = [], []
    while True:
        line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(name, line, f"malformed row: {error}; quote values that hold a comma or a quote"))
            continue
        if not values or values == [""]:
            continue
        found = _row_problems(values, columns, checks)
        if found:
            problems.append(Problem(name, line, found))
        else:
            rows.append(Row(dict(zip(columns, values)), line))
    return Table(tuple(rows), tuple(problems))


def _row_problems(values: list[str], columns: Sequence[str], checks: Mapping[str, Check]) -> str | None:
    if len(values) != len(columns):
        shown = ", ".join(columns[:3]) + (", …" if len(columns) > 3 else "")
        return f"row has {len(values)} values, expected {len(columns)} ({shown}); quote values that hold a comma"
    wrong = []
    for column, value in zip(columns, values):
        check = checks.get(column)
        message = check(value) if check else None
        if message:
            wrong.append(f"{column} {message}")
    return "; ".join(wrong) or None
