"""When a page last changed, from Git, written the way each language writes dates.

The date is that of the last commit touching the page's source file, read for every file
at once from one ``git log`` (one call per build, not one per page), so two builds of the
same commit agree on it. Outside a Git checkout, or for a file Git does not know yet,
there is no date and the page shows none::

    last_changed_in(Path("docs"))["ja/operations.md"]  → date(2026, 11, 25)
    format_date(date(2026, 11, 25), "ja")      → "2026年11月25日"
    format_date(date(2026, 11, 25), "en")      → "25 November 2026"
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

Runner = Callable[[Sequence[str], Path], str | None]
"""Runs a command in a folder and returns its standard output, or ``None`` when it fails."""

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""English month names, so the output never depends on the machine's locale."""


def run_git(command: Sequence[str], folder: Path) -> str | None:
    """Run ``command`` in ``folder``; ``None`` if Git is missing or the folder is no checkout."""
    try:
        completed = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return completed.stdout if completed.returncode == 0 else None


def last_changed_in(folder: Path, runner: Runner = run_git) -> dict[str, date]:
    """When each file under ``folder`` last changed, by path relative to it, from one ``git log``.

    Empty outside a Git checkout; a file Git does not know yet is simply absent.
    """
    output = runner(["git", "log", "--format=%x00%cI", "--name-only", "--relative", "--", "."], folder)
    dates: dict[str, date] = {}
    current: date | None = None
    for line in (output or "").splitlines():
        if line.startswith("\0"):
            try:
                current = date.fromisoformat(line[1:11])
            except ValueError:
                current = None
        elif line and current is not None:
            dates.setdefault(line, current)  # newest first: the first date seen is the last change
    return dates


def format_date(day: date, language: str) -> str:
    """``day`` as a reader of ``language`` writes it: ``2026年11月25日``, ``25 November 2026``."""
    if language == "ja":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
