"""The translation record: read strictly, row by row, and written back in the order given."""

from __future__ import annotations

from pathlib import Path

import pytest

from isocontrols.translations.record import dumps, load, write

SHOWN = "docs/translations.csv"


def _load(tmp_path: Path, text: str) -> tuple[dict[str, str], dict[str, int], list[str]]:
    path = tmp_path / "translations.csv"
    path.write_text(text, encoding="utf-8")
    record = load(path, SHOWN)
    return record.fingerprints, record.lines, [str(problem) for problem in record.problems]


@pytest.mark.parametrize(
    ("text", "fingerprints", "problems"),
    [
        (
            "section,fingerprint\noperations.md,0123456789abcdef\noperations.md#backup,fedcba9876543210\n",
            {"operations.md": "0123456789abcdef", "operations.md#backup": "fedcba9876543210"},
            [],
        ),
        (
            "section,fingerprint\noperations.md#backup,FEDCBA9876543210\n",
            {},
            ["docs/translations.csv:2: fingerprint 'FEDCBA9876543210' is not of the form 16 hex digits written by ./run translations accept"],
        ),
        (
            "section,fingerprint\noperations#backup,fedcba9876543210\n",
            {},
            ["docs/translations.csv:2: section 'operations#backup' is not of the form operations.md#backup or operations.md"],
        ),
        (
            "section,fingerprint\noperations.md#backup,fedcba9876543210\noperations.md#backup,0123456789abcdef\n",
            {"operations.md#backup": "fedcba9876543210"},
            ["docs/translations.csv:3: operations.md#backup is recorded twice (also on line 2); keep one line"],
        ),
        (
            "section,fingerprint\n<<<<<<< HEAD\noperations.md#backup,fedcba9876543210\n=======\n",
            {"operations.md#backup": "fedcba9876543210"},
            [
                "docs/translations.csv:2: row has 1 values, expected 2 (section, fingerprint); quote values that hold a comma",
                "docs/translations.csv:4: row has 1 values, expected 2 (section, fingerprint); quote values that hold a comma",
            ],
        ),
        ("anchor,hash\n", {}, ["docs/translations.csv:1: the header must be exactly section,fingerprint"]),
    ],
)
def test_every_row_is_checked_and_named_by_line(tmp_path: Path, text: str, fingerprints: dict[str, str], problems: list[str]) -> None:
    found, _, reported = _load(tmp_path, text)
    assert (found, reported) == (fingerprints, problems)


def test_lines_are_kept_for_messages(tmp_path: Path) -> None:
    _, lines, _ = _load(tmp_path, "section,fingerprint\na.md,0123456789abcdef\n\nb.md#x,0123456789abcdef\n")
    assert lines == {"a.md": 2, "b.md#x": 4}


def test_missing_record_is_empty_not_a_problem(tmp_path: Path) -> None:
    record = load(tmp_path / "translations.csv", SHOWN)
    assert (record.fingerprints, record.problems, record.exists) == ({}, (), False)


def test_written_record_reads_back_in_the_order_given(tmp_path: Path) -> None:
    entries = [("b.md", "0123456789abcdef"), ("a.md#x,y", "fedcba9876543210")]
    path = tmp_path / "translations.csv"
    write(path, entries)
    assert path.read_bytes() == b'section,fingerprint\nb.md,0123456789abcdef\n"a.md#x,y",fedcba9876543210\n'
    assert list(load(path, SHOWN).fingerprints.items()) == entries
    assert dumps([]) == "section,fingerprint\n"
