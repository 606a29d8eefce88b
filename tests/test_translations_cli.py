"""``./run translations``: listing every section, ``--check``, ``accept``, ``--all``, and clear errors (exit 2)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from isocontrols.translations.cli import main

FIXTURE_DOCS = Path(__file__).parent / "fixtures" / "minimal-site" / "docs"
SECTIONS = ["controls.md", "index.md", "operations.md", "operations.md#backup", "operations.md#logging"]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the fixture site's pages, without a record."""
    copy = tmp_path / "docs"
    shutil.copytree(FIXTURE_DOCS, copy)
    return copy


def _run(docs: Path, *arguments: str) -> int:
    try:
        return main(["--docs", str(docs), *arguments])
    except SystemExit as leaving:
        return int(leaving.code or 0)


def _edit(docs: Path, old: str, new: str) -> None:
    path = docs / "ja" / "operations.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_listing_shows_every_section_and_its_state(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(docs) == 0
    out = capsys.readouterr().out
    rows = [line.split(None, 3)[-1] for line in out.splitlines() if line.startswith("  not yet recorded")]
    assert rows == SECTIONS
    assert "5 sections: 0 current, 0 possibly out of date, 5 not yet recorded." in out


def test_check_fails_until_everything_is_accepted_then_passes(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(docs, "--check") == 1
    assert _run(docs, "accept", "--all") == 0
    assert (docs / "translations.csv").read_text(encoding="utf-8").splitlines()[0] == "section,fingerprint"
    assert [line.split(",")[0] for line in (docs / "translations.csv").read_text(encoding="utf-8").splitlines()[1:]] == SECTIONS
    capsys.readouterr()
    assert _run(docs, "--check") == 0
    assert "5 sections: 5 current, 0 possibly out of date, 0 not yet recorded." in capsys.readouterr().out


def _check_after_edit(docs: Path, capsys: pytest.CaptureFixture[str], old: str, new: str) -> str:
    """Accept everything, edit the Japanese page: ``--check`` fails; what it printed."""
    _run(docs, "accept", "--all")
    _edit(docs, old, new)
    capsys.readouterr()
    assert _run(docs, "--check") == 1
    return capsys.readouterr().out


def test_changed_section_is_listed_by_check_and_accepted_by_name(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _check_after_edit(docs, capsys, "3 世代", "7 世代")
    assert "  possibly out of date  operations.md#backup" in out and "  current" not in out
    before = (docs / "translations.csv").read_text(encoding="utf-8")
    assert _run(docs, "accept", "operations.md#backup") == 0
    assert capsys.readouterr().out.splitlines()[0] == "recorded operations.md#backup (was possibly out of date)"
    after = (docs / "translations.csv").read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(changed) == 1 and changed[0][0].startswith("operations.md#backup,")
    assert _run(docs, "--check") == 0


def test_rewrapped_paragraph_stays_current(docs: Path) -> None:
    _run(docs, "accept", "--all")
    _edit(docs, "日次で 3 世代分のデータを保持します。", "日次で 3 世代分の\nデータを保持します。")
    assert _run(docs, "--check") == 0


def test_renamed_section_is_named_and_its_record_removed_on_accept(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _check_after_edit(docs, capsys, "{#backup}", "{#backups}")
    assert "  not yet recorded      operations.md#backups" in out
    assert (
        f"{docs.as_posix()}/translations.csv:5: operations.md#backup: no such section in {docs.as_posix()}/ja/operations.md any more "
        "(renamed, moved or deleted); the same Japanese text is now operations.md#backups, not yet recorded" in out
    )
    assert _run(docs, "accept", "operations.md#backups") == 0
    out = capsys.readouterr().out
    assert "recorded operations.md#backups (was not yet recorded)" in out
    assert "removed the record of operations.md#backup" in out
    assert "operations.md#backup," not in (docs / "translations.csv").read_text(encoding="utf-8")
    assert _run(docs, "--check") == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["accept", "operation.md#backup"], "operation.md#backup: there is no page {docs}/ja/operation.md; did you mean operations.md?"),
        (["accept", "operations.md#bakup"], "operations.md#bakup: {docs}/ja/operations.md has no section #bakup; did you mean #backup?"),
        (["accept"], "./run translations accept: name the sections (operations.md#backup …) or give --all, not both"),
        (["accept", "--all", "index.md"], "./run translations accept: name the sections (operations.md#backup …) or give --all, not both"),
        (["--check", "accept", "--all"], "./run translations: --check only reads; give it without accept"),
        (["acept"], "./run translations: argument command: invalid choice: 'acept' (choose from 'accept')"),
    ],
)
def test_errors_are_messages_with_exit_code_2_and_change_nothing(
    docs: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    assert _run(docs, *arguments) == 2
    assert message.format(docs=docs.as_posix()) in capsys.readouterr().err
    assert not (docs / "translations.csv").exists()


def test_broken_record_is_never_rewritten(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (docs / "translations.csv").write_text("section,fingerprint\noperations.md#backup,nothex\n", encoding="utf-8")
    assert _run(docs, "accept", "--all") == 2
    err = capsys.readouterr().err
    assert f"{docs.as_posix()}/translations.csv:2: fingerprint 'nothex' is not of the form 16 hex digits" in err
    assert (docs / "translations.csv").read_text(encoding="utf-8").endswith("nothex\n")


def test_missing_japanese_folder_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(tmp_path) == 2
    assert "no Japanese pages:" in capsys.readouterr().err


def test_run_script_runs_the_command(docs: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    command = [str(ROOT / "run"), "translations", "--docs", str(docs), "accept", "operations.md#nope"]
    result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120, check=False)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"operations.md#nope: {docs.as_posix()}/ja/operations.md has no section #nope",
        "nothing was recorded",
    ]
