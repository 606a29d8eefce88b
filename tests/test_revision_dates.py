"""Tests for isocontrols.revision_dates: the last-changed date of a page, from Git."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from isocontrols.revision_dates import format_date, last_changed_in, run_git


def _runner(output: str | None):
    calls: list[tuple[list[str], Path]] = []

    def run(command: Sequence[str], folder: Path) -> str | None:
        calls.append((list(command), folder))
        return output

    run.calls = calls  # type: ignore[attr-defined]
    return run


LOG = "\0" + "2026-11-25T19:36:02+09:00\n\nja/operations.md\nen/operations.md\n\0" + "2021-10-07T00:00:00Z\n\nja/operations.md\nja/index.md\n"


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (LOG, {"ja/operations.md": date(2026, 11, 25), "en/operations.md": date(2026, 11, 25), "ja/index.md": date(2021, 10, 7)}),
        ("", {}),  # no commit yet
        (None, {}),  # no checkout, or no git at all
        ("\0not a date\n\nja/x.md\n", {}),
    ],
)
def test_last_changed_in_reads_the_newest_commit_date_of_each_file(output: str | None, expected: dict[str, date]) -> None:
    assert last_changed_in(Path("/docs"), _runner(output)) == expected


def test_last_changed_in_asks_git_once_for_the_whole_folder() -> None:
    runner = _runner(LOG)
    last_changed_in(Path("/work/docs"), runner)
    assert runner.calls == [(["git", "log", "--format=%x00%cI", "--name-only", "--relative", "--", "."], Path("/work/docs"))]


def test_outside_a_git_checkout_there_is_no_date(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("# Page\n", encoding="utf-8")
    assert last_changed_in(tmp_path) == {}


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_committed_file_has_its_commit_date(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Page\n", encoding="utf-8")
    env = {"GIT_COMMITTER_DATE": "2024-02-29T12:00:00+09:00", "GIT_AUTHOR_DATE": "2024-02-29T12:00:00+09:00"}
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "page.md"],
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "page"],
    ):
        subprocess.run(command, cwd=tmp_path, check=True, env={**env, "PATH": "/usr/bin:/bin"})
    assert last_changed_in(tmp_path) == {"page.md": date(2024, 2, 29)}
    assert run_git(["git", "status"], tmp_path / "missing") is None


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (date(2026, 11, 25), "ja", "2026年11月25日"),
        (date(2026, 11, 25), "en", "25 November 2026"),
        (date(2021, 1, 7), "ja", "2021年1月7日"),
        (date(2021, 1, 7), "en", "7 January 2021"),
    ],
)
def test_format_date_writes_dates_as_each_language_does(day: date, language: str, expected: str) -> None:
    assert format_date(day, language) == expected
