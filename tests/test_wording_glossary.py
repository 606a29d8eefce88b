"""wording/glossary.py: the glossary file validated on load, and one English term per Japanese term."""

from __future__ import annotations

from pathlib import Path

import pytest

from isocontrols.wording import glossary

HEADER = "ja,en,avoid,note\n"
ROWS = """ユーザー様|ユーザ様|ユーザー,customer*,client*,
ユーザー情報,user information,,
利用者,user*,,
ラベル付け,labelling,labeling,ISO's spelling
"""


def _terms(tmp_path: Path, rows: str = ROWS) -> tuple[glossary.Term, ...]:
    path = tmp_path / "glossary.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    terms, problems = glossary.load(path, "glossary.csv")
    assert problems == ()
    return terms


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("ユーザー,,,\n", "glossary.csv:2: en is empty" if False else "glossary.csv:2: en '' is not of the form customer*|customers"),
        ("ユーザー,cust*omer,,\n", "glossary.csv:2: en 'cust*omer' is not of the form customer*|customers"),
        ("|ユーザー,customer,,\n", "glossary.csv:2: ja '|ユーザー' is not of the form ユーザー様|ユーザ様"),
        ("ユーザー,customer,,note,extra\n", "glossary.csv:2: row has 5 values, expected 4 (ja, en, avoid, …); quote values that hold a comma"),
        ("ユーザー,customer,,\nユーザ様|ユーザー,customer,,\n", "glossary.csv:3: ユーザー is already on line 2; keep one row per Japanese term"),
    ],
)
def test_a_broken_row_is_a_problem_with_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text(HEADER + row, encoding="utf-8")
    _, problems = glossary.load(path, "glossary.csv")
    assert [str(problem) for problem in problems] == [message]


def test_the_longest_japanese_term_is_read_first(tmp_path: Path) -> None:
    terms = _terms(tmp_path)
    found = glossary.terms_in("ユーザー情報へのアクセスとユーザー様のデータ、利用者", terms)
    assert [(term.en[0], variant) for term, variant in found] == [("user information", "ユーザー情報"), ("customer*", "ユーザー様"), ("user*", "利用者")]
    assert [variant for _, variant in glossary.terms_in("ユーザー情報", terms)] == ["ユーザー情報"]


@pytest.mark.parametrize(
    ("japanese", "english", "expected"),
    [
        ("ユーザー様のデータ", "Customers' data", []),
        ("ユーザー様のデータ", "The customer's data", []),
        (
            "ユーザ様のデータ",
            "The client's data",
            [
                "docs/en/page.md:5: 'client's': the glossary (glossary.csv:2) writes customer* for ユーザー様",
                "docs/en/page.md:3: section #s: the Japanese says ユーザ様, which the glossary (glossary.csv:2) translates as customer*; use it here",
            ],
        ),
        ("利用者アカウント", "User accounts", []),
        ("利用者アカウント", "Accounts", ["docs/en/page.md:3: section #s: the Japanese says 利用者, which the glossary (glossary.csv:4) translates as user*; use it here"]),
        ("情報のラベル付け", "Labelling of information", []),
        (
            "情報のラベル付け",
            "Labeling of information",
            [
                "docs/en/page.md:5: 'Labeling': the glossary (glossary.csv:5) writes labelling for ラベル付け",
                "docs/en/page.md:3: section #s: the Japanese says ラベル付け, which the glossary (glossary.csv:5) translates as labelling; use it here",
            ],
        ),
        ("`ユーザー様` in code", "`customer` in code", []),
    ],
)
def test_each_japanese_term_needs_its_english_term_in_the_twin_section(tmp_path: Path, japanese: str, english: str, expected: list[str]) -> None:
    terms = _terms(tmp_path)
    pages = {"ja": {"page.md": f"# P\n\n## S {{#s}}\n\n{japanese}\n"}, "en": {"page.md": f"# P\n\n## S {{#s}}\n\n{english}\n"}}
    assert [str(problem) for problem in glossary.check(pages, terms, "docs/")] == expected


def test_text_before_the_first_anchored_heading_is_paired_by_page(tmp_path: Path) -> None:
    terms = _terms(tmp_path)
    pages = {"ja": {"index.md": "---\ndescription: 利用者向け\n---\n# ホーム\n"}, "en": {"index.md": "---\ndescription: For people\n---\n# Home\n"}}
    assert [str(p) for p in glossary.check(pages, terms, "docs/")] == [
        "docs/en/index.md:1: the page: the Japanese says 利用者, which the glossary (glossary.csv:4) translates as user*; use it here"
    ]
