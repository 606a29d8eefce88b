"""Data files read defensively: whole rows kept, every other row named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from isocontrols.datafiles import matching, read_csv, required

COLUMNS = ("id", "page", "text")
CHECKS = {"id": matching(r"A\.\d+", "A.1"), "page": required}


def _read(tmp_path: Path, text: str) -> tuple[list[dict[str, str]], list[str]]:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    table = read_csv(path, COLUMNS, CHECKS, shown_as="data/data.csv")
    return [row.values for row in table.rows], [str(problem) for problem in table.problems]


@pytest.mark.parametrize(
    ("text", "rows", "problems"),
    [
        ("id,page,text\nA.1,p.md,ok\n", [{"id": "A.1", "page": "p.md", "text": "ok"}], []),
        ("\ufeffid,page,text\r\nA.1,p.md,\"a, b\"\r\n", [{"id": "A.1", "page": "p.md", "text": "a, b"}], []),
        ("id,page,text\nA.1,p.md,a, b\n", [], ["data/data.csv:2: row has 4 values, expected 3 (id, page, text); quote values that hold a comma"]),
        ("id,page,text\nA.1,p.md\n", [], ["data/data.csv:2: row has 2 values, expected 3 (id, page, text); quote values that hold a comma"]),
        ("id,page,text\nB.1,,x\n", [], ["data/data.csv:2: id 'B.1' is not of the form A.1; page is empty"]),
        ("id,text\nA.1,x\n", [], ["data/data.csv:1: the header must be exactly id,page,text"]),
        ("id,page,text\nA.1,p.md,\"line\nbreak\"\nA.2,q.md,x\nB,,\n", [{"id": "A.1", "page": "p.md", "text": "line\nbreak"}, {"id": "A.2", "page": "q.md", "text": "x"}], ["data/data.csv:5: id 'B' is not of the form A.1; page is empty"]),
        ("id,page,text\nA.1,p.md,\"open\n", [], ["data/data.csv:2: malformed row: unexpected end of data; quote values that hold a comma or a quote"]),
        ("id,page,text\n\nA.1,p.md,x\n", [{"id": "A.1", "page": "p.md", "text": "x"}], []),
    ],
)
def test_rows_are_kept_whole_or_reported_with_file_and_line(tmp_path: Path, text: str, rows: list[dict[str, str]], problems: list[str]) -> None:
    assert _read(tmp_path, text) == (rows, problems)


def test_unreadable_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b"id,page,text\n\xff\xfe\x00bad\n")
    table = read_csv(path, COLUMNS, shown_as="data/data.csv")
    assert table.rows == () and str(table.problems[0]).startswith("data/data.csv: cannot be read:")
    assert str(read_csv(tmp_path / "missing.csv", COLUMNS, shown_as="data/missing.csv").problems[0]).startswith("data/missing.csv: cannot be read:")
